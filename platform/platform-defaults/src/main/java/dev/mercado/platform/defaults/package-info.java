/**
 * A business service's defaults, as one dependency (as eShop's ServiceDefaults): this module holds
 * no code, only dependencies, each platform module configuring itself. Its jar carries this
 * description so that it is a jar like any starter (an image's class path then holds no POM).
 */
package dev.mercado.platform.defaults;
