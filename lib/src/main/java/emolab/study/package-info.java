/**
 * Method studies that survive real data: {@link emolab.study.Study} runs a loop of methods and turns
 * a method's {@link emolab.study.NotApplicableException} into a {@code not applicable: <reason>}
 * row, so one sampler, detector, model or explainer that cannot run on the data at hand never
 * stops a notebook; the winner and the comparisons a notebook prints come from the study's rows.
 */
package emolab.study;
