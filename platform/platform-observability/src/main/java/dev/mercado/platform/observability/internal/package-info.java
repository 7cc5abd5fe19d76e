/** The sampler and the observation filter behind platform-observability; not for services. */
package dev.mercado.platform.observability.internal;
