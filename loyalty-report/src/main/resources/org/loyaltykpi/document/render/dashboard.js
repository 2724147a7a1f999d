/* loyalty-kpi dashboard: reads the JSON data island written by the HTML renderer and draws every chart with
   Apache ECharts (inlined above). Sorts tables and offers their CSV. Sends no request. */
(function () {
  'use strict';
  var island = JSON.parse(document.getElementById('dashboard-data').textContent);
  var locale = island.locale;
  var text = island.labels;
  var palette = ['#3b6fb6', '#e0823d', '#4f9d69', '#c2504f', '#8a6bbf', '#8c6d52', '#d36fae', '#7f7f7f',
    '#b5b83e', '#3fb1c0'];
  var formats = {
    percent: new Intl.NumberFormat(locale, {style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1}),
    count: new Intl.NumberFormat(locale, {maximumFractionDigits: 0}),
    money: new Intl.NumberFormat(locale, {minimumFractionDigits: 2, maximumFractionDigits: 2}),
    decimal: new Intl.NumberFormat(locale, {maximumFractionDigits: 2}),
    score: new Intl.NumberFormat(locale, {minimumFractionDigits: 1, maximumFractionDigits: 1})
  };
  var compact = new Intl.NumberFormat(locale, {notation: 'compact', maximumFractionDigits: 1});
  var compactPercent = new Intl.NumberFormat(locale, {style: 'percent', maximumFractionDigits: 0});

  function fmt(unit, v) {
    if (v === null || v === undefined || (typeof v === 'number' && !isFinite(v))) {
      return text.missing;
    }
    return (formats[unit] || formats.decimal).format(v);
  }

  function axisFmt(unit) {
    return function (v) {
      if (unit === 'percent') {
        return compactPercent.format(v);
      }
      return Math.abs(v) >= 10000 ? compact.format(v) : fmt(unit === 'money' ? 'decimal' : unit, v);
    };
  }

  function base(spec) {
    return {
      animation: false,
      color: palette,
      textStyle: {fontFamily: 'system-ui, sans-serif'},
      grid: {left: 64, right: spec.rightAxis ? 64 : 24, top: 40, bottom: spec.xName ? 56 : 40, containLabel: false}
    };
  }

  function legend(names) {
    return {type: 'scroll', top: 0, data: names};
  }

  function valueAxis(unit, name, extra) {
    var axis = {type: 'value', name: name || '', nameTextStyle: {align: 'left'}, scale: false,
      axisLabel: {formatter: axisFmt(unit)}, splitLine: {lineStyle: {color: '#e6e6e6'}}};
    for (var k in extra || {}) {
      axis[k] = extra[k];
    }
    return axis;
  }

  function seriesTooltip(spec) {
    return {
      trigger: 'axis', confine: true,
      valueFormatter: undefined,
      formatter: function (items) {
        if (!items.length) {
          return '';
        }
        var lines = ['<b>' + escapeHtml(items[0].axisValueLabel) + '</b>'];
        items.forEach(function (it) {
          if (String(it.seriesId || '').indexOf('aux:') === 0) {
            return;
          }
          var s = spec.series[it.seriesIndex] || {};
          var unit = s.unit || spec.unit;
          var v = Array.isArray(it.value) ? it.value[it.value.length - 1] : it.value;
          var line = it.marker + escapeHtml(it.seriesName) + ': ' + fmt(unit, v);
          if (s.low && s.high) {
            var i = it.dataIndex;
            line += ' (' + fmt(unit, s.low[i]) + ' – ' + fmt(unit, s.high[i]) + ')';
          }
          lines.push(line);
        });
        return lines.join('<br>');
      }
    };
  }

  /* Category x axis (periods, cohorts, offsets, bins) with line, area and bar series; stacks; a second value axis
     for series with axis 1; a shaded band between low and high for series that carry them. */
  function cartesian(spec) {
    var option = base(spec);
    var series = [];
    var hasRight = spec.series.some(function (s) { return s.axis === 1; });
    option.grid.right = hasRight ? 64 : 24;
    spec.series.forEach(function (s, i) {
      var color = s.color || palette[i % palette.length];
      var type = s.type === 'bar' ? 'bar' : 'line';
      var one = {
        id: 'series:' + i, name: s.name, type: type, data: s.data, yAxisIndex: s.axis === 1 ? 1 : 0,
        itemStyle: {color: color}, emphasis: {focus: 'series'}
      };
      if (s.stack) {
        one.stack = s.stack;
      }
      if (type === 'line') {
        one.showSymbol = s.data.length <= 40;
        one.symbolSize = 5;
        one.connectNulls = false;
        one.lineStyle = {width: s.width || 2, color: color, type: s.dashed ? 'dashed' : 'solid'};
        if (s.type === 'area') {
          one.areaStyle = {opacity: 0.35};
        }
      } else {
        one.barMaxWidth = 28;
      }
      if (s.low && s.high) {
        var lowId = 'aux:low:' + i;
        series.push({id: lowId, name: s.name, type: 'line', data: s.low, stack: 'band' + i, symbol: 'none',
          lineStyle: {opacity: 0}, tooltip: {show: false}, silent: true, yAxisIndex: one.yAxisIndex,
          legendHoverLink: false});
        series.push({id: 'aux:band:' + i, name: s.name, type: 'line', stack: 'band' + i, symbol: 'none',
          data: s.high.map(function (h, j) {
            return h === null || s.low[j] === null ? null : h - s.low[j];
          }),
          lineStyle: {opacity: 0}, areaStyle: {color: color, opacity: 0.18}, tooltip: {show: false}, silent: true,
          yAxisIndex: one.yAxisIndex, legendHoverLink: false});
      }
      series.push(one);
    });
    option.series = series;
    option.legend = legend(spec.series.map(function (s) { return s.name; }));
    option.tooltip = seriesTooltip(spec);
    option.xAxis = {type: 'category', data: spec.x, name: spec.xName || '', nameLocation: 'middle', nameGap: 30,
      boundaryGap: spec.series.some(function (s) { return s.type === 'bar'; }),
      axisLabel: {hideOverlap: true}};
    var rightUnit = (spec.series.filter(function (s) { return s.axis === 1; })[0] || {}).unit || spec.unit;
    option.yAxis = [valueAxis(spec.unit, spec.yName, spec.yMax !== undefined ? {max: spec.yMax} : {})];
    if (hasRight) {
      option.yAxis.push(valueAxis(rightUnit, spec.rightName, {splitLine: {show: false}}));
    }
    if (spec.x.length > 60) {
      option.dataZoom = [{type: 'inside'}];
    }
    return option;
  }

  /* Horizontal bars for ranked categories (CSI attributes by drag, segments); one bar series per document series. */
  function ranked(spec) {
    var option = base(spec);
    option.grid.left = 150;
    option.series = spec.series.map(function (s, i) {
      return {id: 'series:' + i, name: s.name, type: 'bar', data: s.data, barMaxWidth: 22,
        itemStyle: {color: s.color || palette[i % palette.length]}, stack: s.stack,
        label: {show: spec.series.length === 1, position: 'right', formatter: function (p) {
          return fmt(s.unit || spec.unit, p.value);
        }}};
    });
    option.legend = legend(spec.series.map(function (s) { return s.name; }));
    option.tooltip = seriesTooltip(spec);
    option.yAxis = {type: 'category', data: spec.x, inverse: true, axisLabel: {width: 140, overflow: 'truncate'},
      axisLine: {onZero: false}, axisTick: {show: false}};
    option.xAxis = valueAxis(spec.unit, spec.yName);
    return option;
  }

  /* Matrix of values (cohort x offset, frequency x recency): colour scale, value on hover. Every layer is a series
     (the document's series count); the selector shows one layer at a time with its own colour scale. */
  function heatmap(spec, shown) {
    var option = base(spec);
    var selected = {};
    option.grid = {left: 80, right: 96, top: 16, bottom: spec.xName ? 56 : 40};
    option.legend = {show: false, data: spec.variants.map(function (v) { return v.name; }), selected: selected};
    option.tooltip = {confine: true, formatter: function (p) {
      var v = spec.variants[p.seriesIndex];
      return escapeHtml(spec.yName || '') + ' <b>' + escapeHtml(spec.y[p.value[1]]) + '</b><br>'
        + escapeHtml(spec.xName || '') + ' <b>' + escapeHtml(String(spec.x[p.value[0]])) + '</b><br>'
        + escapeHtml(v.name) + ': <b>' + fmt(v.unit, p.value[2]) + '</b>';
    }};
    option.xAxis = {type: 'category', data: spec.x, name: spec.xName || '', nameLocation: 'middle', nameGap: 28,
      splitArea: {show: false}, axisLabel: {hideOverlap: true}};
    option.yAxis = {type: 'category', data: spec.y, inverse: true, name: '', axisLabel: {hideOverlap: true}};
    option.visualMap = [];
    option.series = spec.variants.map(function (v, i) {
      selected[v.name] = i === (shown || 0);
      var scaled = v.data.filter(function (d) {
        return d[2] !== null && !(v.unit === 'percent' && d[0] === 0 && spec.x.length > 1);
      }).map(function (d) { return d[2]; });
      var min = scaled.length ? Math.min.apply(null, scaled) : 0;
      var max = scaled.length ? Math.max.apply(null, scaled) : 1;
      option.visualMap.push({seriesIndex: i, show: i === (shown || 0), min: min, max: max === min ? min + 1 : max,
        calculable: true, orient: 'vertical', right: 4, top: 'middle', itemHeight: 160,
        formatter: function (x) { return axisFmt(v.unit)(x); },
        inRange: {color: ['#f7fbff', '#c6dbef', '#6baed6', '#2171b5', '#08306b']}});
      return {id: 'series:' + i, name: v.name, type: 'heatmap', data: v.data, progressive: 0,
        emphasis: {itemStyle: {borderColor: '#222', borderWidth: 1}}};
    });
    return option;
  }

  /* The same matrix as lines: one per row (a retention or LTV curve per cohort) across the columns. */
  function curves(spec, shown) {
    var v = spec.variants[shown || 0];
    var option = base(spec);
    var rows = spec.y.map(function () { return spec.x.map(function () { return null; }); });
    v.data.forEach(function (d) { rows[d[1]][d[0]] = d[2]; });
    option.grid = {left: 64, right: 24, top: 16, bottom: spec.xName ? 56 : 40};
    option.tooltip = {trigger: 'item', confine: true, formatter: function (p) {
      return escapeHtml(spec.yName || '') + ' <b>' + escapeHtml(p.seriesName) + '</b><br>'
        + escapeHtml(String(spec.x[p.dataIndex])) + ': <b>' + fmt(v.unit, p.value) + '</b>';
    }};
    option.xAxis = {type: 'category', data: spec.x, boundaryGap: false, axisLabel: {hideOverlap: true}};
    option.yAxis = valueAxis(v.unit, '');
    option.series = rows.map(function (values, i) {
      var t = spec.y.length > 1 ? i / (spec.y.length - 1) : 0;
      return {id: 'curve:' + i, name: spec.y[i], type: 'line', data: values, symbol: 'none', connectNulls: false,
        lineStyle: {width: 1.2, opacity: 0.75,
          color: 'rgb(' + Math.round(33 + 190 * t) + ',' + Math.round(113 + 20 * t) + ',' + Math.round(181 - 120 * t) + ')'},
        emphasis: {focus: 'series', lineStyle: {width: 3, opacity: 1}}};
    });
    return option;
  }

  /* Flow between stages: sankey from the stage at the start (left) to the stage at the end (right). */
  function flow(spec) {
    var option = base(spec);
    var labels = {};
    var colours = {};
    spec.nodes.forEach(function (n) { labels[n.id] = n.label; });
    option.tooltip = {confine: true, formatter: function (p) {
      if (p.dataType === 'edge') {
        return escapeHtml(labels[p.data.source]) + ' → ' + escapeHtml(labels[p.data.target]) + ': <b>'
          + fmt(spec.unit, p.data.value) + '</b>';
      }
      return escapeHtml(labels[p.name]) + ': <b>' + fmt(spec.unit, p.value) + '</b>';
    }};
    option.series = [{id: 'series:0', name: spec.series[0].name, type: 'sankey', left: 8, right: 120, top: 8,
      bottom: 8, nodeGap: 10, emphasis: {focus: 'adjacency'}, draggable: false,
      data: spec.nodes.map(function (n) {
        if (!(n.label in colours)) {
          colours[n.label] = palette[Object.keys(colours).length % palette.length];
        }
        return {name: n.id, itemStyle: {color: colours[n.label]}};
      }),
      links: spec.links.filter(function (l) { return l.value > 0; }),
      label: {formatter: function (p) { return labels[p.name]; }},
      lineStyle: {color: 'source', curveness: 0.5, opacity: 0.3}}];
    return option;
  }

  function sparkline(spec) {
    var s = spec.series[0];
    return {
      animation: false,
      grid: {left: 2, right: 2, top: 4, bottom: 4},
      xAxis: {type: 'category', show: false, data: spec.x, boundaryGap: false},
      yAxis: {type: 'value', show: false, scale: true},
      tooltip: {trigger: 'axis', confine: true, formatter: function (items) {
        return escapeHtml(items[0].axisValueLabel) + ': ' + fmt(s.unit || spec.unit, items[0].value);
      }},
      series: [{id: 'series:0', name: s.name, type: 'line', data: s.data, symbol: 'none',
        lineStyle: {width: 1.5, color: '#3b6fb6'}, areaStyle: {color: '#3b6fb6', opacity: 0.12}}]
    };
  }

  var builders = {cartesian: cartesian, ranked: ranked, heatmap: heatmap, flow: flow, sparkline: sparkline};
  var instances = [];

  function draw(el) {
    var spec = island.charts[el.getAttribute('data-chart')];
    var chart = echarts.init(el, null, {renderer: 'svg'});
    chart.setOption(builders[spec.kind](spec));
    instances.push(chart);
    var id = el.getAttribute('data-chart');
    var layer = document.querySelector('select[data-variants-of="' + id + '"]');
    var view = document.querySelector('select[data-view-of="' + id + '"]');
    var redraw = function () {
      var shown = layer ? Number(layer.value) : 0;
      chart.setOption(view && view.value === 'curves' ? curves(spec, shown) : heatmap(spec, shown), {notMerge: true});
    };
    if (layer) {
      layer.addEventListener('change', redraw);
    }
    if (view) {
      view.addEventListener('change', redraw);
    }
  }

  function escapeHtml(s) {
    return String(s).replace(/[&<>"']/g, function (c) {
      return {'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;'}[c];
    });
  }

  /* Tables: click a header to sort (numbers by their raw value, text by the locale's collation). */
  var collator = new Intl.Collator(locale, {numeric: true});

  function cellValue(cell, numeric) {
    var raw = cell.getAttribute('data-v');
    if (numeric) {
      raw = raw === null ? cell.textContent : raw;
      return raw === '' ? null : Number(raw);
    }
    return cell.classList.contains('missing') ? null : cell.textContent;
  }

  function sortTable(table, column, th) {
    var body = table.tBodies[0];
    var numeric = th.classList.contains('num');
    var ascending = th.getAttribute('aria-sort') !== 'ascending';
    var rows = Array.prototype.slice.call(body.rows);
    rows.sort(function (a, b) {
      var x = cellValue(a.cells[column], numeric);
      var y = cellValue(b.cells[column], numeric);
      if (x === null || y === null) {
        return x === y ? 0 : (x === null ? 1 : -1);
      }
      var c = numeric ? x - y : collator.compare(x, y);
      return ascending ? c : -c;
    });
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (h) { h.removeAttribute('aria-sort'); });
    th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
    rows.forEach(function (r) { body.appendChild(r); });
  }

  function csvField(v) {
    var s = v === null || v === undefined ? '' : String(v);
    return /[",\n\r]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
  }

  function tableCsv(table) {
    var lines = [];
    lines.push(Array.prototype.map.call(table.tHead.rows[0].cells, function (h) {
      return csvField(h.getAttribute('data-key'));
    }).join(','));
    Array.prototype.forEach.call(table.tBodies[0].rows, function (r) {
      lines.push(Array.prototype.map.call(r.cells, function (c) {
        var raw = c.getAttribute('data-v');
        return csvField(raw !== null ? raw : c.textContent);
      }).join(','));
    });
    return lines.join('\n') + '\n';
  }

  Array.prototype.forEach.call(document.querySelectorAll('table.data'), function (table) {
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th, column) {
      th.tabIndex = 0;
      th.title = text.sort;
      th.addEventListener('click', function () { sortTable(table, column, th); });
      th.addEventListener('keydown', function (e) {
        if (e.key === 'Enter' || e.key === ' ') {
          e.preventDefault();
          sortTable(table, column, th);
        }
      });
    });
  });
  Array.prototype.forEach.call(document.querySelectorAll('a.csv'), function (link) {
    link.addEventListener('click', function () {
      var table = document.getElementById(link.getAttribute('data-table'));
      link.href = 'data:text/csv;charset=utf-8,' + encodeURIComponent(tableCsv(table));
    });
  });

  Array.prototype.forEach.call(document.querySelectorAll('[data-chart]'), draw);
  var resize = function () { instances.forEach(function (c) { c.resize(); }); };
  window.addEventListener('resize', resize);
  window.addEventListener('beforeprint', function () {
    Array.prototype.forEach.call(document.querySelectorAll('details'), function (d) { d.open = true; });
    resize();
  });
  window.addEventListener('afterprint', resize);
  document.documentElement.setAttribute('data-charts-drawn', String(instances.length));
}());
