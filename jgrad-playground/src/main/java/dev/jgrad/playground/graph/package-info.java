/**
 * The lecture notes' small computational graphs, computed with jgrad's autograd so the page can step through the
 * forward values and the backward gradients node by node.
 */
package dev.jgrad.playground.graph;
