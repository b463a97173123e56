#!/usr/bin/env python3
"""A read-only npm registry on loopback that serves the given package tarballs, so that npm
resolves `notelint`'s optional dependency by version, as from the real registry, with no network.
Usage: npm_registry.py PORT_FILE TARBALL...; writes its port to PORT_FILE, serves until killed."""
import base64
import hashlib
import http.server
import json
import sys
import tarfile
import urllib.parse

port_file, tarballs = sys.argv[1], sys.argv[2:]
packuments, files = {}, {}
for path in tarballs:
    data = open(path, "rb").read()
    with tarfile.open(path) as tar:
        manifest = json.load(tar.extractfile("package/package.json"))
    filename = path.rsplit("/", 1)[-1]
    files["/-/" + filename] = data
    manifest["dist"] = {
        "tarball": "/-/" + filename,  # made absolute per request below
        "shasum": hashlib.sha1(data).hexdigest(),
        "integrity": "sha512-" + base64.b64encode(hashlib.sha512(data).digest()).decode(),
    }
    packuments[manifest["name"]] = {
        "name": manifest["name"],
        "dist-tags": {"latest": manifest["version"]},
        "versions": {manifest["version"]: manifest},
    }


class Registry(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        path = urllib.parse.unquote(urllib.parse.urlsplit(self.path).path)
        base = "http://%s:%d" % self.server.server_address
        if path in files:
            self.reply(200, "application/octet-stream", files[path])
        elif path.lstrip("/") in packuments:
            doc = json.loads(json.dumps(packuments[path.lstrip("/")]))
            for manifest in doc["versions"].values():
                manifest["dist"]["tarball"] = base + manifest["dist"]["tarball"]
            self.reply(200, "application/json", json.dumps(doc).encode())
        else:
            self.reply(404, "application/json", b'{"error":"not found"}')

    def reply(self, status, kind, body):
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, fmt, *args):
        sys.stderr.write("npm registry: " + fmt % args + "\n")


server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Registry)
with open(port_file, "w") as out:
    out.write(str(server.server_address[1]))
server.serve_forever()
