/**
 * Browser sessions: each tab owns a {@link dev.jgrad.playground.session.Session} with its own state, data, network and
 * training thread. The {@link dev.jgrad.playground.session.SessionRegistry} frees sessions nobody has touched for a
 * while.
 */
package dev.jgrad.playground.session;
