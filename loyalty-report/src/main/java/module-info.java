/**
 * The loyalty report as a document and its renderers.
 *
 * <p>{@link org.loyaltykpi.document.Document} is what every output reads: sections of key figures, typed tables and
 * charts (views of those tables), every label a {@link org.loyaltykpi.document.Message} key resolved through a
 * resource bundle by {@link org.loyaltykpi.document.Messages}. The renderers in {@code org.loyaltykpi.document.render}
 * write a document as aligned text, JSON or CSV; text and JSON cannot drift because they are two views of one value.
 */
module org.loyaltykpi.report {
    requires transitive org.loyaltykpi.core;
    requires com.fasterxml.jackson.core;
    // the ECharts WebJar (an automatic module named after its jar): the HTML renderer inlines its bundle
    requires echarts;

    exports org.loyaltykpi.document;
    exports org.loyaltykpi.document.render;
    exports org.loyaltykpi.document.report;
}
