/* Raqib charts: stacked bars per month from the JSON next to each canvas (Chart.js). Without
   the library the figure stays hidden and the page's tables carry the same numbers. */
(function () {
  "use strict";
  if (typeof Chart === "undefined") { return; }

  document.querySelectorAll("canvas[data-chart]").forEach(function (canvas) {
    var source = document.getElementById(canvas.id + "-data");
    if (!source) { return; }
    var chart = JSON.parse(source.textContent);
    var figure = canvas.closest("figure");
    if (figure) { figure.hidden = false; }
    new Chart(canvas, {
      type: "bar",
      data: {
        labels: chart.months,
        datasets: chart.series.map(function (s) {
          return { label: s.label, data: s.data, backgroundColor: s.colour, borderWidth: 0 };
        })
      },
      options: {
        animation: false,
        responsive: true,
        aspectRatio: Math.max(2, Math.min(4, (figure ? figure.clientWidth : 600) / 300)),
        plugins: { legend: { position: "bottom", labels: { boxWidth: 12 } } },
        scales: {
          x: { stacked: true, grid: { display: false } },
          y: { stacked: true, beginAtZero: true, ticks: { precision: 0 } }
        }
      }
    });
    canvas.dataset.drawn = "yes";
  });
})();
