/* Raqib maps: incidents as circles sized by fatalities and coloured by event type, grouped
   into clusters, over the gazetteer's regions and towns on a plain background. Works offline:
   no tile server is needed; one is used only when the server sets RAQIB_TILE_URL. */
(function () {
  "use strict";

  var COLOUR = /^#[0-9a-fA-F]{6}$/;

  function readJSON(id) {
    var el = document.getElementById(id);
    return el ? JSON.parse(el.textContent) : null;
  }

  function radius(point) {
    return Math.round(6 + 4 * Math.sqrt(Math.max(0, Number(point.fmax) || 0)));
  }

  function element(tag, text, className) {
    var el = document.createElement(tag);
    if (text !== undefined && text !== null) { el.textContent = String(text); }
    if (className) { el.className = className; }
    return el;
  }

  function popup(point) {
    var box = element("div", null, "map-popup");
    var link = element("a", "#" + point.id + " " + (point.sub || point.type || "incident"));
    link.href = "/incidents/" + encodeURIComponent(point.id);
    box.appendChild(link);
    var place = element("div", (point.place || "place unknown") + " · " + (point.date || "undated"));
    place.dir = "auto";
    box.appendChild(place);
    var killed = point.fmin === point.fmax ? point.fmin : point.fmin + "–" + point.fmax;
    box.appendChild(element("div", killed + " killed · " + (point.grade || "ungraded") +
      (point.contested ? " · contested" : "")));
    return box;
  }

  function incidentMarker(point) {
    var size = 2 * radius(point);
    var colour = COLOUR.test(point.colour) ? point.colour : "#566573";
    var icon = L.divIcon({
      className: "incident-marker" + (point.contested ? " contested" : ""),
      html: '<span style="width:' + size + "px;height:" + size + "px;background:" + colour + '"></span>',
      iconSize: [size, size]
    });
    var marker = L.marker([point.lat, point.lon], { icon: icon, title: "#" + point.id, riseOnHover: true });
    marker.bindPopup(popup(point));
    return marker;
  }

  function clusterIcon(cluster) {
    var count = cluster.getChildCount();
    var size = Math.round(26 + 6 * Math.log2(count));
    return L.divIcon({
      className: "incident-cluster",
      html: "<span>" + count + "</span>",
      iconSize: [size, size]
    });
  }

  function drawPlaces(map, url) {
    var box = map.getBounds().pad(0.5);
    var bbox = [box.getWest(), box.getSouth(), box.getEast(), box.getNorth()]
      .map(function (v) { return v.toFixed(3); }).join(",");
    return fetch(url + "?bbox=" + bbox, { credentials: "same-origin" })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (places) {
        if (!places) { return; }
        L.geoJSON(places, {
          pointToLayer: function (feature, latlng) {
            var region = feature.properties.kind === "admin1";
            var dot = L.circleMarker(latlng, {
              radius: region ? 3 : 2, weight: 0, fillOpacity: region ? 0.7 : 0.45,
              fillColor: "#7b8a8b", interactive: !region, pane: "places"
            });
            dot.bindTooltip(feature.properties.name, {
              permanent: region, direction: "right",
              className: region ? "region-label" + (feature.properties.population >= 1500000 ? " major" : "")
                : "town-label"
            });
            return dot;
          }
        }).addTo(map);
      })
      .catch(function () { /* the incidents still show without the background */ });
  }

  /* The markers: embedded in the page, or fetched from data-points-url (the incident list's
     10,000, an agreement's violations), which the browser keeps and revalidates by ETag
     instead of every page carrying them. */
  function loadPoints(el) {
    if (!el.dataset.pointsUrl) {
      return Promise.resolve(readJSON(el.id + "-points") || []);
    }
    return fetch(el.dataset.pointsUrl, { credentials: "same-origin" })
      .then(function (response) {
        if (!response.ok) { throw new Error("markers: HTTP " + response.status); }
        return response.json();
      })
      .catch(function () {
        el.appendChild(element("p", "The map's markers could not be loaded; the list " +
          "below holds the same incidents.", "empty map-error"));
        return [];
      });
  }

  function initMap(el) {
    if (typeof L === "undefined") {
      el.appendChild(element("p", "The map library is not installed on this server; " +
        "the list below holds the same incidents.", "empty"));
      return;
    }
    loadPoints(el).then(function (points) { drawMap(el, points); });
  }

  function drawMap(el, points) {
    var zone = readJSON(el.id + "-zone");
    var map = L.map(el, { zoomSnap: 0.5, minZoom: 3, maxZoom: 14, worldCopyJump: true });
    map.createPane("places").style.zIndex = 350;
    if (el.dataset.tileUrl) {
      L.tileLayer(el.dataset.tileUrl, { attribution: el.dataset.tileAttribution || "", maxZoom: 18 }).addTo(map);
      el.classList.add("with-tiles");
    }
    var bounds = L.latLngBounds([]);
    var zoneLayer = null;
    if (zone) {
      zoneLayer = L.geoJSON(zone, { style: { color: "#117a65", weight: 2, fillOpacity: 0.12 } }).addTo(map);
      bounds.extend(zoneLayer.getBounds());
    }
    var group = typeof L.markerClusterGroup === "function"
      ? L.markerClusterGroup({ iconCreateFunction: clusterIcon, maxClusterRadius: 40, showCoverageOnHover: false })
      : L.featureGroup();
    points.forEach(function (point) {
      group.addLayer(incidentMarker(point));
      bounds.extend([point.lat, point.lon]);
    });
    group.addTo(map);
    if (bounds.isValid() && el.dataset.fit !== "no") {
      map.fitBounds(bounds.pad(0.15), { maxZoom: 9 });
    } else if (points.length) {
      map.setView([points[0].lat, points[0].lon], 8);
    } else {
      map.setView([35.0, 38.5], 6);
    }
    var labels = function () { el.classList.toggle("labels-hidden", map.getZoom() < 6); };
    map.on("zoomend", labels);
    labels();
    el.dataset.markers = String(points.length);
    drawPlaces(map, el.dataset.places).then(function () { el.dataset.ready = "yes"; });
  }

  document.querySelectorAll("[data-map]").forEach(initMap);
})();
