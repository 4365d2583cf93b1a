package emolab.timeseries;

/** A complex number with NumPy's arithmetic (Smith's division as in NumPy's complex loops). */
record Complex(double re, double im) {
    static final Complex ONE = new Complex(1, 0);

    static Complex real(double re) {
        return new Complex(re, 0);
    }

    Complex plus(Complex o) {
        return new Complex(re + o.re, im + o.im);
    }

    Complex minus(Complex o) {
        return new Complex(re - o.re, im - o.im);
    }

    Complex times(Complex o) {
        return new Complex(re * o.re - im * o.im, re * o.im + im * o.re);
    }

    Complex times(double s) {
        return new Complex(re * s, im * s);
    }

    Complex negate() {
        return new Complex(-re, -im);
    }

    Complex conj() {
        return new Complex(re, -im);
    }

    /** NumPy's complex division (Smith's algorithm). */
    Complex div(Complex o) {
        double br = o.re, bi = o.im;
        double abr = Math.abs(br), abi = Math.abs(bi);
        if (abr >= abi) {
            if (abr == 0 && abi == 0) return new Complex(re / abr, im / abi);
            double rat = bi / br;
            double scl = 1.0 / (br + bi * rat);
            return new Complex((re + im * rat) * scl, (im - re * rat) * scl);
        } else {
            double rat = br / bi;
            double scl = 1.0 / (bi + br * rat);
            return new Complex((re * rat + im) * scl, (im * rat - re) * scl);
        }
    }

    double abs() {
        return Math.hypot(re, im);
    }

    boolean isReal() {
        return im == 0;
    }
}
