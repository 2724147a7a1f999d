package org.loyaltykpi.cli;

/** Output formats of the commands. */
enum OutputFormat {
    text,
    json
}
