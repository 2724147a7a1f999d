package org.loyaltykpi.document.render;

/** Scripts the browser tests run in the page. */
final class Dashboards {
    private Dashboards() {}

    /**
     * Every chart container: its id, whether it holds an ECharts instance, its drawn size and the number of series the
     * chart shows (helper series that draw a confidence band, ids starting with {@code aux:}, are not counted).
     */
    static final String DRAWN_CHARTS =
            "return Array.from(document.querySelectorAll('[data-chart]')).map(function (el) {"
                    + "  var chart = echarts.getInstanceByDom(el);"
                    + "  var box = el.getBoundingClientRect();"
                    + "  var series = chart ? chart.getOption().series.filter(function (s) {"
                    + "    return String(s.id).indexOf('aux:') !== 0; }).length : -1;"
                    + "  var drawn = el.querySelector('svg, canvas');"
                    + "  return {id: el.getAttribute('data-chart'), instance: !!chart, width: drawn ? box.width : 0,"
                    + "    height: drawn ? box.height : 0, series: series};"
                    + "});";
}
