package org.loyaltykpi.cli;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Optional;
import org.loyaltykpi.io.CsvRead;
import org.loyaltykpi.io.MarketingSpendCsvOptions;
import org.loyaltykpi.io.ProgramEventCsvOptions;
import org.loyaltykpi.io.ReviewCsvOptions;
import org.loyaltykpi.io.SurveyCsvOptions;
import picocli.CommandLine.Model.CommandSpec;

/**
 * How a command reads its inputs beside the purchases (survey answers, reviews, marketing spend, program events):
 * with the purchase input's {@code --time-zone} for their dates, its {@code --max-bad-rows} as each file's own budget
 * of rows to skip, and its {@code --thousands-separator} (unless {@code .}) for spend amounts, which may carry a
 * currency. Skipped rows are warned about on standard error with their counts per reason, and the file's source line
 * says how many.
 */
final class OtherInputs {
    private final Optional<ZoneId> timeZone;
    private final long maxBadRows;
    private final Optional<Character> thousandsSeparator;
    private final CommandSpec command;

    OtherInputs(
            Optional<ZoneId> timeZone, long maxBadRows, Optional<Character> thousandsSeparator, CommandSpec command) {
        this.timeZone = timeZone;
        this.maxBadRows = maxBadRows;
        this.thousandsSeparator = thousandsSeparator.filter(c -> c != '.');
        this.command = command;
    }

    long maxBadRows() {
        return maxBadRows;
    }

    SurveyCsvOptions survey() {
        SurveyCsvOptions options = SurveyCsvOptions.defaults();
        return timeZone.map(options::withTimeZone).orElse(options);
    }

    ReviewCsvOptions reviews() {
        ReviewCsvOptions options = ReviewCsvOptions.defaults();
        return timeZone.map(options::withTimeZone).orElse(options);
    }

    ProgramEventCsvOptions events() {
        ProgramEventCsvOptions options = ProgramEventCsvOptions.defaults();
        return timeZone.map(options::withTimeZone).orElse(options);
    }

    MarketingSpendCsvOptions spend() {
        MarketingSpendCsvOptions options = MarketingSpendCsvOptions.defaults();
        return thousandsSeparator.map(options::withThousandsSeparator).orElse(options);
    }

    /** The rows read, after a warning line on standard error when some were skipped. */
    <T> T accept(CsvRead<T> read) {
        if (!read.isComplete()) {
            CsvLayout.warn(command.qualifiedName(), command.commandLine().getErr(), read.reasonsText());
        }
        return read.value();
    }

    /** The file's description, with the number of skipped rows when there are any. */
    static String source(Path file, CsvRead<?> read) {
        return CsvLayout.source(file, read);
    }
}
