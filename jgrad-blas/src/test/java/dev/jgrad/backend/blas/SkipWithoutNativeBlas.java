package dev.jgrad.backend.blas;

import net.jqwik.api.lifecycle.LifecycleContext;
import net.jqwik.api.lifecycle.SkipExecutionHook;

/**
 * The same rule as {@link NativeBlas#kernels()} for jqwik properties, which report a JUnit abort as a failure:
 * skip them where no native BLAS is installed, unless {@code JGRAD_REQUIRE_BLAS=1}.
 */
public final class SkipWithoutNativeBlas implements SkipExecutionHook {

    @Override
    public SkipResult shouldBeSkipped(LifecycleContext context) {
        if (NativeBlas.required()) {
            return SkipResult.doNotSkip();
        }
        return NativeBlas.unavailableReason().map(SkipResult::skip).orElse(SkipResult.doNotSkip());
    }
}
