package dev.mercado.catalog.api;

import java.util.List;
import java.util.UUID;

/** Every line of the order is reserved: the stock is held until released or committed. */
public record StockReserved(UUID orderId, List<StockLine> lines) {}
