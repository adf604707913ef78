/**
 * Named catalogs: the one way jgrad spells a choice with its parameters ({@code leaky-relu:0.1},
 * {@code huber:1.5}, {@code sgd:0.9}) and turns the spelling into an object. The activation, loss and optimizer
 * catalogs are instances; the command line, the playground and model files parse through them.
 */
package dev.jgrad.catalog;
