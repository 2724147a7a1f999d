package org.loyaltykpi.clv;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Time-invariant covariates per customer, for {@link CovariateModel}: a numeric vector {@code z} per customer id.
 *
 * <p>Read from a comma-separated file {@code customer_id,name1,name2,...} (a header line, then one line per
 * customer; no quoting): a column whose every value is a number is numeric; any other column is categorical and
 * becomes one indicator column {@code name=level} per level but the first one seen in the file, which is the base
 * (all indicators 0). Every bad line is an error naming the file, the line, the column and the value; so is a customer
 * listed twice.
 *
 * <pre>{@code
 * // customer_id,age,channel
 * // c1,34,web
 * // c2,51,store
 * Covariates z = Covariates.read(Path.of("covariates.csv"));
 * z.names();                // [age, channel=store]
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class Covariates {
    private final String source;
    private final List<String> names;
    private final Map<String, double[]> byCustomer;

    private Covariates(String source, List<String> names, Map<String, double[]> byCustomer) {
        this.source = source;
        this.names = List.copyOf(names);
        this.byCustomer = byCustomer;
    }

    /**
     * Covariates given directly.
     *
     * @param names the covariate names
     * @param byCustomer each customer's values, {@code names.size()} finite numbers
     * @return the covariates
     * @throws IllegalArgumentException if a customer's values have the wrong length or are not finite
     */
    public static Covariates of(List<String> names, Map<String, double[]> byCustomer) {
        Map<String, double[]> copy = new LinkedHashMap<>();
        byCustomer.forEach((id, z) -> {
            if (z.length != names.size()) {
                throw new IllegalArgumentException(
                        "customer " + id + " has " + z.length + " covariates, not " + names.size() + " " + names);
            }
            for (double v : z) {
                if (!Double.isFinite(v)) {
                    throw new IllegalArgumentException("customer " + id + " has a covariate that is not finite: " + v);
                }
            }
            copy.put(id, z.clone());
        });
        return new Covariates("covariates", names, copy);
    }

    /**
     * Reads a covariates file.
     *
     * @param file the file, UTF-8
     * @return the covariates
     * @throws IllegalArgumentException naming the file, line, column and value of the first bad line
     * @throws UncheckedIOException if the file cannot be read
     */
    public static Covariates read(Path file) {
        List<String> lines;
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            lines = reader.lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read covariates " + file + ": " + e.getMessage(), e);
        }
        String where = file.toString();
        if (lines.isEmpty()) {
            throw new IllegalArgumentException(where + ": empty, expected a header customer_id,name1,...");
        }
        String[] header = lines.get(0).split(",", -1);
        if (header.length < 2 || header[0].isBlank()) {
            throw new IllegalArgumentException(
                    where + ":1: the header needs customer_id and at least one covariate: '" + lines.get(0) + "'");
        }
        int k = header.length - 1;
        List<String[]> rows = new ArrayList<>();
        List<Integer> lineNumbers = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int l = 1; l < lines.size(); l++) {
            String line = lines.get(l);
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split(",", -1);
            if (f.length != header.length) {
                throw new IllegalArgumentException(where + ":" + (l + 1) + ": " + f.length + " fields, the header has "
                        + header.length + ": '" + line + "'");
            }
            for (int c = 0; c < f.length; c++) {
                f[c] = f[c].strip();
                if (f[c].isEmpty()) {
                    throw new IllegalArgumentException(
                            where + ":" + (l + 1) + ": column " + header[c].strip() + " is empty");
                }
            }
            Integer previous = seen.put(f[0], l + 1);
            if (previous != null) {
                throw new IllegalArgumentException(where + ":" + (l + 1) + ": customer_id '" + f[0]
                        + "' is listed again (first on line " + previous + ")");
            }
            rows.add(f);
            lineNumbers.add(l + 1);
        }
        // a column is numeric when every value is a finite number
        boolean[] numeric = new boolean[k];
        List<List<String>> levels = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int c = 0; c < k; c++) {
            boolean all = true;
            for (String[] f : rows) {
                all &= isNumber(f[c + 1]);
            }
            numeric[c] = all;
            List<String> columnLevels = new ArrayList<>();
            if (all) {
                names.add(header[c + 1].strip());
            } else {
                for (String[] f : rows) {
                    if (!columnLevels.contains(f[c + 1])) {
                        columnLevels.add(f[c + 1]);
                    }
                }
                for (int v = 1; v < columnLevels.size(); v++) {
                    names.add(header[c + 1].strip() + "=" + columnLevels.get(v));
                }
            }
            levels.add(columnLevels);
        }
        Map<String, double[]> byCustomer = new LinkedHashMap<>();
        for (String[] f : rows) {
            double[] z = new double[names.size()];
            int j = 0;
            for (int c = 0; c < k; c++) {
                if (numeric[c]) {
                    z[j++] = Double.parseDouble(f[c + 1]);
                } else {
                    List<String> columnLevels = levels.get(c);
                    int level = columnLevels.indexOf(f[c + 1]);
                    for (int v = 1; v < columnLevels.size(); v++) {
                        z[j++] = v == level ? 1 : 0;
                    }
                }
            }
            byCustomer.put(f[0], z);
        }
        return new Covariates(where, names, byCustomer);
    }

    private static boolean isNumber(String s) {
        try {
            return Double.isFinite(Double.parseDouble(s))
                    && !s.endsWith("d")
                    && !s.endsWith("f")
                    && !s.endsWith("D")
                    && !s.endsWith("F");
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /**
     * The covariate names: numeric columns by name, categorical ones as {@code name=level} indicators.
     *
     * @return the names
     */
    public List<String> names() {
        return names;
    }

    /**
     * The number of customers with covariates.
     *
     * @return the count
     */
    public int size() {
        return byCustomer.size();
    }

    /**
     * A customer's covariates.
     *
     * @param customer the customer id
     * @return a fresh copy of its values
     * @throws IllegalArgumentException if the customer has none
     */
    public double[] of(String customer) {
        double[] z = byCustomer.get(customer);
        if (z == null) {
            throw new IllegalArgumentException(source + " has no line for customer '" + customer + "'");
        }
        return z.clone();
    }

    /**
     * The covariates of every customer of a summary, in summary order.
     *
     * @param summary the summary
     * @return one row per summary entry
     * @throws IllegalArgumentException naming a customer of the summary the covariates lack, and how many lack them
     */
    public double[][] forSummary(BtydSummary summary) {
        double[][] z = new double[summary.size()][];
        int missing = 0;
        String first = null;
        for (int i = 0; i < summary.size(); i++) {
            z[i] = byCustomer.get(summary.customer(i).value());
            if (z[i] == null) {
                missing++;
                first = first == null ? summary.customer(i).value() : first;
            }
        }
        if (missing > 0) {
            throw new IllegalArgumentException(source + " has no line for customer '" + first + "'"
                    + (missing > 1 ? " and " + (missing - 1) + " more customers of the summary" : "")
                    + "; every customer needs its covariates");
        }
        return z;
    }

    /** For example {@code Covariates[2 customers: age, channel=store]}. */
    @Override
    public String toString() {
        return "Covariates[" + byCustomer.size() + " customers: " + String.join(", ", names) + "]";
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Covariates c) || !names.equals(c.names) || byCustomer.size() != c.byCustomer.size()) {
            return false;
        }
        for (Map.Entry<String, double[]> e : byCustomer.entrySet()) {
            if (!Arrays.equals(e.getValue(), c.byCustomer.get(e.getKey()))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        return names.hashCode() * 31 + byCustomer.size();
    }
}
