package org.loyaltykpi.cli;

/** Output formats of the commands that print one result: aligned text, JSON, or CSV of its table. */
enum OutputFormat {
    text,
    json,
    csv
}
