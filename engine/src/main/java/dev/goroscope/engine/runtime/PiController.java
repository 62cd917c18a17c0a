package dev.goroscope.engine.runtime;

/**
 * The runtime's {@code piController} (mgcpacer.go): a proportional-integral controller with
 * clamped output and anti-windup. Go 1.19 uses one to smooth the pacer's cons/mark estimate
 * ({@link ConsMark}) and one to pace the background scavenger's sleep ({@link Scavenger}).
 */
final class PiController {
    private final double kp;
    private final double ti;
    private final double tt;
    private final double min;
    private final double max;
    private double errIntegral;

    PiController(double kp, double ti, double tt, double min, double max) {
        this.kp = kp;
        this.ti = ti;
        this.tt = tt;
        this.min = min;
        this.max = max;
    }

    /**
     * {@code next(input, setpoint, period)}: the new output, or NaN when the input or the
     * integral overflowed, after which the controller starts over (the caller then resets what
     * it controls, as the runtime does).
     */
    double next(double input, double setpoint, double period) {
        double raw = kp * (setpoint - input) + errIntegral;
        if (Double.isInfinite(raw) || Double.isNaN(raw)) {
            errIntegral = 0;
            return Double.NaN;
        }
        double out = Math.min(Math.max(raw, min), max);
        if (ti != 0 && tt != 0) {
            errIntegral += (kp * period / ti) * (setpoint - input) + (period / tt) * (out - raw);
            if (Double.isInfinite(errIntegral) || Double.isNaN(errIntegral)) {
                errIntegral = 0;
                return Double.NaN;
            }
        }
        return out;
    }
}
