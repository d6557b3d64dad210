#!/usr/bin/python3
"""Xandikos (Debian package) behind HTTP Basic authentication, for the CalDAV tests.

Xandikos has no authentication of its own: its documentation puts it behind a reverse proxy
that authenticates. This is that proxy, in process: an aiohttp middleware that checks the
Authorization header against a plain htpasswd file ("user:password" lines) and answers 401 with
a WWW-Authenticate challenge otherwise. Everything else is Xandikos's own server setup
(xandikos.web.main): the backend, the principal, the /.well-known/caldav redirect.

Binds 127.0.0.1 on the given port (0: a free one) and prints "Listening on 127.0.0.1:PORT" once
the socket is bound, so the test knows where it is.
"""
import argparse
import asyncio
import base64
import logging
import os
import socket
import sys

from aiohttp import web
from xandikos.web import (
    WELLKNOWN_DAV_PATHS,
    RedirectDavHandler,
    XandikosApp,
    XandikosBackend,
)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--directory", required=True)
    p.add_argument("--htpasswd", required=True)
    p.add_argument("--principal", required=True)  # e.g. /alice/
    p.add_argument("--port", type=int, default=0)
    o = p.parse_args()

    users = {}
    with open(o.htpasswd) as f:
        for line in f:
            line = line.rstrip("\n")
            if ":" in line:
                u, pw = line.split(":", 1)
                users[u] = pw

    logging.basicConfig(level=logging.WARNING)
    os.makedirs(o.directory, exist_ok=True)
    backend = XandikosBackend(o.directory)
    backend._mark_as_principal(o.principal)
    backend.create_principal(o.principal, create_defaults=False)
    dav = XandikosApp(backend, current_user_principal=o.principal, strict=True)

    @web.middleware
    async def basic_auth(request, handler):
        header = request.headers.get("Authorization", "")
        ok = False
        if header.startswith("Basic "):
            try:
                user, _, pw = base64.b64decode(header[6:]).decode("utf-8").partition(":")
                ok = user in users and users[user] == pw
            except Exception:
                ok = False
        if not ok:
            return web.Response(
                status=401,
                text="Unauthorized",
                headers={"WWW-Authenticate": 'Basic realm="xandikos"'},
            )
        return await handler(request)

    async def handler(request):
        return await dav.aiohttp_handler(request, "/")

    app = web.Application(middlewares=[basic_auth])
    for path in WELLKNOWN_DAV_PATHS:
        app.router.add_route("*", path, RedirectDavHandler("/").__call__)
    app.router.add_route("*", "/{path_info:.*}", handler)

    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", o.port))
    port = sock.getsockname()[1]

    async def serve():
        runner = web.AppRunner(app, access_log=None)
        await runner.setup()
        site = web.SockSite(runner, sock)
        await site.start()
        print("Listening on 127.0.0.1:%d" % port, flush=True)
        await asyncio.Event().wait()

    try:
        asyncio.run(serve())
    except KeyboardInterrupt:
        pass
    return 0


if __name__ == "__main__":
    sys.exit(main())
