package dev.mercado.platform.ratelimit.internal;

import dev.mercado.platform.ratelimit.Limit;

/** A limit in the kernels' units: counts and microseconds, with its kernel. */
final class Spec {

  final Limit limit;
  final Kernel kernel;

  /** Permits per period. */
  final long n;

  /** The period in microseconds. */
  final long w;

  /** The capacity: a bucket's size (the other algorithms: {@code n}). */
  final long c;

  Spec(Limit limit) {
    this.limit = limit;
    this.kernel = Kernel.of(limit.algorithm());
    this.n = limit.permits();
    this.w = limit.periodMicros();
    this.c = limit.capacity();
  }
}
