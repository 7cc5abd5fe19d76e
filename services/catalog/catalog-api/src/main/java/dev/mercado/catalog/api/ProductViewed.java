package dev.mercado.catalog.api;

import java.util.UUID;

/** Someone looked at a product's page (telemetry). */
public record ProductViewed(UUID productId) {}
