/**
 * HTTP on the JDK's {@code com.sun.net.httpserver}: the JSON API, the event stream and the whitelisted static page.
 * Bad input is answered with 4xx and a JSON {@code {"error": ...}} message, never with a 500.
 */
package dev.jgrad.playground.http;
