package org.loyaltykpi.cli;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The shared option groups ({@link FormatOption}, {@link GranularityOption}) are declared once, but each command offers
 * its own formats and period lengths: this writes each command's own help line for them.
 */
final class OptionGroups {
    private OptionGroups() {}

    /** Describes the shared options of a command line and its subcommands. */
    static void describe(CommandLine cli) {
        CommandSpec spec = cli.getCommandSpec();
        for (CommandSpec mixin : spec.mixins().values()) {
            if (mixin.userObject() instanceof FormatOption f) {
                redescribe(spec, "--format", f.description());
            } else if (mixin.userObject() instanceof GranularityOption g) {
                redescribe(spec, "--granularity", g.description());
            }
        }
        cli.getSubcommands().values().forEach(OptionGroups::describe);
    }

    private static void redescribe(CommandSpec spec, String name, String description) {
        OptionSpec option = spec.findOption(name);
        spec.remove(option);
        spec.addOption(option.toBuilder().description(description).build());
    }
}
