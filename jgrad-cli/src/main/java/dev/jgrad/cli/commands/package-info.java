/** One class per {@code jgrad} subcommand: its options, defaults and what it prints. */
package dev.jgrad.cli.commands;
