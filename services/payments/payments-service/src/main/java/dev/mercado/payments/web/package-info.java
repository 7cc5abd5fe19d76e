/** Payments' HTTP API: reading an order's payment (payments are made through events only). */
package dev.mercado.payments.web;
