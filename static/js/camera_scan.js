// Camera scanning on the lookup page, as progressive enhancement: the "Scan with camera" button appears only
// where the browser can open a camera. It reads EAN-13 and QR codes with the browser's BarcodeDetector, or
// else with the zxing-wasm decoder served from static/vendor/ (see the Makefile). The texts come from the
// template's data- attributes, so they are translated like the rest of the page.
(function () {
  "use strict";

  const box = document.getElementById("camera-scan");
  const form = document.querySelector(".lookup-form");
  if (!box || !form || !navigator.mediaDevices || !navigator.mediaDevices.getUserMedia) {
    return; // no camera API (or plain HTTP): the form alone, as without JavaScript
  }
  const start = document.getElementById("camera-scan-start");
  const stop = document.getElementById("camera-scan-stop");
  const video = document.getElementById("camera-scan-video");
  const status = document.getElementById("camera-scan-status");
  const INTERVAL_MS = 150; // a few reads a second are plenty and leave a phone's CPU some rest
  let stream = null;
  let timer = null;

  function say(key) {
    status.textContent = box.dataset["text" + key] || "";
  }

  // BarcodeDetector where the browser has it for EAN-13; else the wasm decoder (loaded only when asked for).
  async function nativeDetector() {
    if (!("BarcodeDetector" in window)) return null;
    try {
      const formats = await window.BarcodeDetector.getSupportedFormats();
      if (!formats.includes("ean_13")) return null;
      const wanted = ["ean_13", "qr_code"].filter((format) => formats.includes(format));
      const detector = new window.BarcodeDetector({ formats: wanted });
      return async (source) => (await detector.detect(source)).map((code) => code.rawValue);
    } catch (error) {
      return null;
    }
  }

  function loadScript(src) {
    return new Promise((resolve, reject) => {
      const script = document.createElement("script");
      script.src = src;
      script.onload = resolve;
      script.onerror = reject;
      document.head.appendChild(script);
    });
  }

  async function wasmDetector() {
    const { decoderScript, decoderWasm } = box.dataset;
    if (!decoderScript || !decoderWasm) return null;
    if (!window.ZXingWASM) await loadScript(decoderScript);
    const zxing = window.ZXingWASM;
    // The wasm comes from this site, never from the package's default CDN.
    await zxing.prepareZXingModule({
      overrides: { locateFile: (path, prefix) => (path.endsWith(".wasm") ? decoderWasm : prefix + path) },
      fireImmediately: true,
    });
    const canvas = document.createElement("canvas");
    const context = canvas.getContext("2d", { willReadFrequently: true });
    const options = { formats: ["EAN13", "QRCode"], tryHarder: true, maxNumberOfSymbols: 1 };
    return async (source) => {
      if (!source.videoWidth) return [];
      canvas.width = source.videoWidth;
      canvas.height = source.videoHeight;
      context.drawImage(source, 0, 0);
      const image = context.getImageData(0, 0, canvas.width, canvas.height);
      const results = await zxing.readBarcodes(image, options);
      return results.filter((result) => result.isValid).map((result) => result.text);
    };
  }

  async function detector() {
    const native = await nativeDetector();
    if (native) {
      box.dataset.engine = "native";
      return native;
    }
    const wasm = await wasmDetector();
    if (wasm) box.dataset.engine = "wasm";
    return wasm;
  }

  // A URL of this site (the QR code on a shelf label) is opened; anything else goes to the lookup, which
  // knows EANs, passport codes and Digital Link URLs, exactly as if it had been typed into the field.
  function open(text) {
    const value = text.trim();
    try {
      const url = new URL(value);
      if (url.origin === window.location.origin) {
        window.location.assign(url.href);
        return;
      }
    } catch (error) {
      // not a URL: a code
    }
    const lookup = new URL(form.action, window.location.href);
    lookup.search = new URLSearchParams({ code: value }).toString();
    window.location.assign(lookup.href);
  }

  function close() {
    if (timer) window.clearTimeout(timer);
    timer = null;
    if (stream) stream.getTracks().forEach((track) => track.stop());
    stream = null;
    video.srcObject = null;
    video.hidden = true;
    stop.hidden = true;
    start.hidden = false;
  }

  async function scan() {
    say("Starting");
    start.hidden = true;
    let read;
    try {
      read = await detector();
    } catch (error) {
      read = null;
    }
    if (!read) {
      say("Unsupported");
      start.hidden = false;
      return;
    }
    try {
      stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: "environment" }, audio: false });
    } catch (error) {
      say("Denied");
      start.hidden = false;
      return;
    }
    video.srcObject = stream;
    video.hidden = false;
    stop.hidden = false;
    await video.play();
    say("Scanning");
    const tick = async () => {
      if (!stream) return;
      let texts = [];
      try {
        texts = await read(video);
      } catch (error) {
        texts = []; // a frame that could not be read; try the next one
      }
      if (texts.length && stream) {
        say("Found");
        const text = texts[0];
        close();
        open(text);
        return;
      }
      timer = window.setTimeout(tick, INTERVAL_MS);
    };
    tick();
  }

  start.addEventListener("click", scan);
  stop.addEventListener("click", () => {
    close();
    say("");
  });
  window.addEventListener("pagehide", close);
  box.hidden = false;
})();
