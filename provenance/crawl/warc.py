"""WARC capture and replay (warcio).

``WarcRecorder`` writes a request and a response record for every HTTP
exchange the crawler makes — each redirect hop and each robots.txt included —
to a gzipped WARC (appending, so one file can hold several runs). Bodies are
stored decoded (Content-Encoding and Transfer-Encoding removed, Content-Length
set to the stored size); a body cut at the size cap carries
``WARC-Truncated: length``.

``ReplayTransport`` serves fetches from such a file instead of the network:
the responses recorded for a URL are served in order (the last one again once
they run out), so a crawl and its refreshes replay exactly, offline. A URL the
file does not hold fails with outcome ``error`` ("not in the WARC"). Replay
makes no DNS lookups, so the address guard does not apply; the scheme check
does.
"""

from __future__ import annotations

import io
import threading
from collections import defaultdict
from urllib.parse import urlsplit

from requests.structures import CaseInsensitiveDict
from warcio.archiveiterator import ArchiveIterator
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from .http import Response

DROPPED_HEADERS = frozenset({"content-encoding", "transfer-encoding", "content-length"})


class WarcRecorder:
    def __init__(self, path: str, user_agent: str, software: str = "provenance") -> None:
        self._file = open(path, "ab")
        self._writer = WARCWriter(self._file, gzip=True)
        self._lock = threading.Lock()
        self.user_agent = user_agent
        info = self._writer.create_warcinfo_record(path, {"software": software, "format": "WARC File Format 1.1"})
        with self._lock:
            self._writer.write_record(info)

    def record(self, url: str, request_headers: dict, resp: Response, body: bytes, truncated: bool = False) -> None:
        parts = urlsplit(url)
        target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
        req_headers = [("Host", parts.netloc), ("User-Agent", self.user_agent), *request_headers.items()]
        req_http = StatusAndHeaders(f"GET {target} HTTP/1.1", req_headers, is_http_request=True)
        resp_headers = [(k, v) for k, v in resp.headers.items() if k.lower() not in DROPPED_HEADERS]
        resp_headers.append(("Content-Length", str(len(body))))
        resp_http = StatusAndHeaders(f"{resp.status} {resp.reason}".strip(), resp_headers, protocol=resp.http_version)
        extra = {"WARC-Truncated": "length"} if truncated else None
        with self._lock:
            response = self._writer.create_warc_record(
                url, "response", payload=io.BytesIO(body), http_headers=resp_http, warc_headers_dict=extra,
            )
            request = self._writer.create_warc_record(
                url, "request", payload=io.BytesIO(b""), http_headers=req_http,
                warc_headers_dict={"WARC-Concurrent-To": response.rec_headers.get_header("WARC-Record-ID")},
            )
            self._writer.write_record(response)
            self._writer.write_record(request)
            self._file.flush()

    def close(self) -> None:
        with self._lock:
            self._file.close()


class ReplayMiss(Exception):
    """The WARC holds no response for this URL."""


class ReplayTransport:
    def __init__(self, path: str) -> None:
        self._responses: dict[str, list[tuple]] = defaultdict(list)
        self._served: dict[str, int] = defaultdict(int)
        self._lock = threading.Lock()
        with open(path, "rb") as stream:
            for rec in ArchiveIterator(stream):
                if rec.rec_type != "response" or rec.http_headers is None:
                    continue
                url = rec.rec_headers.get_header("WARC-Target-URI")
                status_line = rec.http_headers.statusline or ""
                code, _, reason = status_line.partition(" ")
                headers = CaseInsensitiveDict(rec.http_headers.headers)
                body = rec.content_stream().read()
                self._responses[url].append((int(code), reason, headers, body, rec.http_headers.protocol))

    def __len__(self) -> int:
        return sum(len(v) for v in self._responses.values())

    def open(self, url: str, headers: dict, timeout) -> Response:
        with self._lock:
            answers = self._responses.get(url)
            if not answers:
                raise ReplayMiss(f"not in the WARC: {url}")
            index = min(self._served[url], len(answers) - 1)
            self._served[url] += 1
        status, reason, resp_headers, body, protocol = answers[index]
        return Response(url, status, reason, CaseInsensitiveDict(resp_headers), protocol or "HTTP/1.1", iter([body]))

    def close(self) -> None:
        return None
