/**
 * loyalty-kpi core: the immutable domain model, the columnar {@link org.loyaltykpi.domain.PurchaseTable}, CSV and JDBC
 * input and the loyalty metric calculators: retention and cohorts, surveys (NPS, CSAT, CES, CSI), customer lifetime
 * value models, review feedback, acquisition value (CAC, LTV, payback), loyalty-program metrics, segments (loyalty
 * levels, lifecycle, RFM, churn risk) and KPI targets.
 *
 * <p>Only the API packages are exported; {@code org.loyaltykpi.internal} is an implementation detail.
 */
module org.loyaltykpi.core {
    requires transitive java.sql;
    requires org.apache.commons.numbers.gamma;

    exports org.loyaltykpi.clv;
    exports org.loyaltykpi.cohort;
    exports org.loyaltykpi.domain;
    exports org.loyaltykpi.feedback;
    exports org.loyaltykpi.io;
    exports org.loyaltykpi.program;
    exports org.loyaltykpi.report;
    exports org.loyaltykpi.retention;
    exports org.loyaltykpi.demo;
    exports org.loyaltykpi.segment;
    exports org.loyaltykpi.survey;
    exports org.loyaltykpi.target;
    exports org.loyaltykpi.value;
}
