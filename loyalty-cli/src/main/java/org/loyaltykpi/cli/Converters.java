package org.loyaltykpi.cli;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.function.Function;
import org.loyaltykpi.clv.TimeScale;
import org.loyaltykpi.cohort.CohortMetric;
import org.loyaltykpi.cohort.OffsetBracket;
import org.loyaltykpi.cohort.RetentionDefinition;
import org.loyaltykpi.domain.DateRange;
import org.loyaltykpi.domain.Granularity;
import org.loyaltykpi.io.Delimiter;
import org.loyaltykpi.survey.CsiMethod;
import picocli.CommandLine;
import picocli.CommandLine.TypeConversionException;

/**
 * Option value converters, registered once for every command as lambdas over the types' own parsers; their messages
 * name the value and what is accepted.
 */
final class Converters {
    private Converters() {}

    /** Registers every converter on a command line and its subcommands. */
    static void register(CommandLine cli) {
        cli.registerConverter(Delimiter.class, v -> convert(v, Delimiter::parse));
        cli.registerConverter(DateRange.class, v -> convert(v, DateRange::parse));
        cli.registerConverter(CohortMetric.class, v -> convert(v, CohortMetric::parse));
        cli.registerConverter(RetentionDefinition.class, v -> convert(v, RetentionDefinition::parse));
        cli.registerConverter(OffsetBracket.class, v -> convert(v, OffsetBracket::parse));
        cli.registerConverter(CsiMethod.class, v -> convert(v, CsiMethod::parse));
        cli.registerConverter(Granularity.class, v -> convert(v, Granularity::parse));
        cli.registerConverter(TimeScale.class, v -> convert(v, TimeScale::parse));
        cli.registerConverter(ClvModels.Model.class, v -> convert(v, ClvModels.Model::parse));
        cli.registerConverter(LocalDate.class, Converters::date);
    }

    private static <T> T convert(String value, Function<String, T> parser) {
        try {
            return parser.apply(value);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }

    private static LocalDate date(String value) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new TypeConversionException("'" + value + "' is not an ISO date (yyyy-MM-dd)");
        }
    }
}
