"""Fetch one page over HTTP(S): a timeout, a size limit, a clear user agent, no private hosts."""

from __future__ import annotations

import ipaddress
import socket
import urllib.error
import urllib.parse
import urllib.request

from sourcebrief.errors import InputError
from sourcebrief.ingest.document import RawDocument, check_content, too_large
from sourcebrief.settings import InputSettings

HTML_TYPES = ("text/html", "application/xhtml+xml")


def fetch_url(url: str, settings: InputSettings, *, origin: str | None = None) -> RawDocument:
    """Fetch one page; ``origin`` names it in problems when it came from another input (a feed)."""
    host = urllib.parse.urlsplit(url).hostname
    if not host:
        raise InputError("URL has no host name")
    if not settings.allow_private_addresses:
        _refuse_private_host(host)
    request = urllib.request.Request(url, headers={"User-Agent": settings.user_agent})
    try:
        with urllib.request.urlopen(request, timeout=settings.fetch_timeout_s) as response:
            data = response.read(settings.max_bytes + 1)
            final_url = response.geturl()
            content_type = response.headers.get_content_type()
            charset = response.headers.get_content_charset()
    except urllib.error.HTTPError as error:
        raise InputError(f"fetching failed: the server answered HTTP {error.code} {error.reason}") from None
    except (urllib.error.URLError, TimeoutError, OSError) as error:
        reason = getattr(error, "reason", error)
        raise InputError(
            f"fetching failed ({reason}); check the address or your connection, or save the page and give the file"
        ) from None
    if len(data) > settings.max_bytes:
        raise InputError(too_large(len(data), settings))
    check_content(data)
    is_html = content_type in HTML_TYPES or looks_like_html(data)
    return RawDocument(origin=origin or url, data=data, is_html=is_html, url=final_url, charset=charset)


def _refuse_private_host(host: str) -> None:
    try:
        addresses = {info[4][0] for info in socket.getaddrinfo(host, None)}
    except socket.gaierror as error:
        raise InputError(f"fetching failed: cannot resolve {host} ({error.strerror}); are you offline?") from None
    for address in addresses:
        ip = ipaddress.ip_address(str(address).split("%")[0])
        if ip.is_private or ip.is_loopback or ip.is_link_local or ip.is_reserved:
            raise InputError(f"refusing to fetch {host}: it resolves to a private address ({ip})")


def looks_like_html(data: bytes) -> bool:
    head = data[:4096].lstrip().lower()
    return head.startswith((b"<!doctype html", b"<html", b"<?xml")) or b"<body" in head or b"<p>" in head
