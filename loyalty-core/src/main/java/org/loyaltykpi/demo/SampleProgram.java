package org.loyaltykpi.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.loyaltykpi.domain.CustomerId;
import org.loyaltykpi.domain.ProgramEvent;
import org.loyaltykpi.domain.PurchaseTable;
import org.loyaltykpi.domain.Tier;
import org.loyaltykpi.internal.SeededRandom;

/**
 * The sample shop's loyalty program, generated from its purchases with its own seeded stream (see {@link
 * SampleShop#programEvents(PurchaseTable)} for the model).
 */
final class SampleProgram {
    /** Mixed into the seed for the program events, so they have their own stream. */
    private static final long PROGRAM_STREAM = 0x10A1_7E55_9A0C_3A11L;

    /** Cumulative points earned to reach silver and gold. */
    private static final long SILVER_POINTS = 500;

    private static final long GOLD_POINTS = 2_000;

    private SampleProgram() {}

    static List<ProgramEvent> events(long seed, PurchaseTable table, LocalDate end) {
        SeededRandom random = new SeededRandom(seed ^ PROGRAM_STREAM);
        int endDay = Math.toIntExact(end.toEpochDay());
        long unit = (long) Math.pow(10, table.amountScale());
        Set<Integer> referred = new HashSet<>();
        List<ProgramEvent> events = new ArrayList<>();
        for (int c = 0; c < table.customerCount(); c++) {
            int first = table.firstRow(c);
            int count = table.endRow(c) - first;
            // Frequent buyers join more often: 9% of one-time buyers, up to 80%.
            if (random.nextDouble() >= Math.min(0.8, 0.06 + 0.03 * count)) {
                continue;
            }
            CustomerId id = table.customer(c);
            int joinRow = first + random.nextInt(Math.min(count, 3));
            LocalDate joined = table.date(joinRow);
            events.add(ProgramEvent.enrol(id, joined, Tier.BRONZE));
            Tier tier = Tier.BRONZE;
            long earned = 0;
            long balance = 0;
            for (int row = joinRow; row < table.endRow(c); row++) {
                LocalDate day = table.date(row);
                long points = table.amountMinorUnits(row) / unit; // 1 point per whole currency unit
                if (points > 0) {
                    events.add(ProgramEvent.earn(id, day, points));
                    earned += points;
                    balance += points;
                }
                Tier reached = earned >= GOLD_POINTS ? Tier.GOLD : earned >= SILVER_POINTS ? Tier.SILVER : Tier.BRONZE;
                if (reached != tier) {
                    tier = reached;
                    events.add(ProgramEvent.tierChange(id, day, tier));
                }
                if (balance >= 200 && random.nextDouble() < 0.35) {
                    long redeemed = 100L * (1 + random.nextInt((int) Math.min(20, balance / 100)));
                    events.add(ProgramEvent.redeem(id, day, redeemed));
                    balance -= redeemed;
                }
            }
            if (random.nextDouble() < 0.2) {
                refer(random, table, c, joined, endDay, referred).ifPresent(events::add);
            }
        }
        events.sort(Comparator.comparing(ProgramEvent::customer).thenComparing(ProgramEvent::date));
        return List.copyOf(events);
    }

    /** A referral of a customer acquired after the referrer joined and not referred yet; a few tries. */
    private static Optional<ProgramEvent> refer(
            SeededRandom random, PurchaseTable table, int referrer, LocalDate joined, int endDay, Set<Integer> taken) {
        int joinedDay = Math.toIntExact(joined.toEpochDay());
        for (int attempt = 0; attempt < 8; attempt++) {
            int other = random.nextInt(table.customerCount());
            int acquired = table.epochDay(table.firstRow(other));
            if (other != referrer && acquired > joinedDay && acquired < endDay && taken.add(other)) {
                int day = Math.max(joinedDay, acquired - 1 - random.nextInt(14));
                return Optional.of(ProgramEvent.referral(
                        table.customer(referrer), LocalDate.ofEpochDay(day), table.customer(other)));
            }
        }
        return Optional.empty();
    }
}
