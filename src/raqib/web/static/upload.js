/* Raqib upload: sends the form by XHR so that a progress bar can follow the bytes, then shows
   what happened to each file. Without JavaScript the form posts normally. */
(function () {
  "use strict";
  var form = document.getElementById("upload-form");
  if (!form || !window.XMLHttpRequest || !window.FormData) { return; }
  var bar = document.getElementById("upload-progress");
  var status = document.getElementById("upload-status");
  var results = document.getElementById("upload-results");

  function cell(row, text, href) {
    var td = document.createElement("td");
    if (href) {
      var a = document.createElement("a");
      a.href = href;
      a.textContent = text;
      td.appendChild(a);
    } else {
      td.textContent = text;
    }
    td.dir = "auto";
    row.appendChild(td);
    return td;
  }

  function show(answer) {
    results.textContent = "";
    var heading = document.createElement("h2");
    heading.textContent = "Result";
    results.appendChild(heading);
    var table = document.createElement("table");
    table.className = "upload-results";
    var head = table.createTHead().insertRow();
    ["File", "Status", "Document", "Incidents"].forEach(function (name) {
      var th = document.createElement("th");
      th.textContent = name;
      head.appendChild(th);
    });
    var body = table.createTBody();
    (answer.documents || []).forEach(function (doc) {
      var row = body.insertRow();
      row.className = doc.status;
      cell(row, doc.input);
      cell(row, doc.status + (doc.reason ? ": " + doc.reason : ""));
      if (doc.id) { cell(row, doc.title || "document " + doc.id, "/documents/" + doc.id); } else { cell(row, ""); }
      var td = cell(row, "");
      (doc.incidents || []).forEach(function (n) {
        var a = document.createElement("a");
        a.href = "/incidents/" + n;
        a.textContent = "#" + n + " ";
        td.appendChild(a);
      });
    });
    results.appendChild(table);
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var xhr = new XMLHttpRequest();
    xhr.open("POST", form.dataset.endpoint || form.action);
    xhr.setRequestHeader("Accept", "application/json");
    var token = form.querySelector("input[name=csrf_token]");
    if (token) { xhr.setRequestHeader("X-CSRF-Token", token.value); }
    form.querySelector(".progress").hidden = false;
    form.querySelector("button[type=submit]").disabled = true;
    bar.value = 0;
    bar.removeAttribute("max");
    bar.max = 100;
    status.textContent = "uploading…";
    xhr.upload.addEventListener("progress", function (e) {
      if (e.lengthComputable) {
        bar.value = Math.round(100 * e.loaded / e.total);
        status.textContent = "uploading… " + bar.value + "%";
      }
    });
    xhr.upload.addEventListener("load", function () {
      bar.removeAttribute("value");  /* indeterminate while the server reads and extracts */
      status.textContent = "uploaded; reading and extracting…";
    });
    xhr.addEventListener("load", function () {
      form.querySelector("button[type=submit]").disabled = false;
      var answer = null;
      try { answer = JSON.parse(xhr.responseText); } catch (e) { answer = null; }
      bar.value = 100;
      if (answer && answer.documents) {
        show(answer);
        status.textContent = xhr.status < 300 ? "done" : "done, with problems (see below)";
      } else {
        var message = answer && answer.error ? answer.error.message : "HTTP " + xhr.status;
        status.textContent = "upload failed: " + message;
      }
      form.dataset.state = "done";
    });
    xhr.addEventListener("error", function () {
      form.querySelector("button[type=submit]").disabled = false;
      status.textContent = "upload failed: the server could not be reached";
      form.dataset.state = "failed";
    });
    xhr.send(new FormData(form));
  });
})();
