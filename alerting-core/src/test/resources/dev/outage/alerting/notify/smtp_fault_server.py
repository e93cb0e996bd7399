"""A real SMTP server (aiosmtpd) that fails in one chosen way, for the notifier's tests.

Usage: smtp_fault_server.py --port N --mailbox DIR [--reject-rcpt TEXT] [--data-reply REPLY]
       [--data-failures N] [--mail-reply REPLY] [--tls CERT KEY [--client-ca PEM]]
       [--cram-md5 USER SECRET]

Prints "READY" once listening; writes every accepted message to DIR/<n>.eml.
"""
import argparse
import asyncio
import base64
import hmac
import os
import secrets
import signal
import ssl
import sys
import threading

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult


class FaultHandler:
    def __init__(self, options):
        self.options = options
        self.data_failures_left = options.data_failures
        self.count = 0
        self.lock = threading.Lock()

    async def handle_MAIL(self, server, session, envelope, address, mail_options):
        if self.options.mail_reply:
            return self.options.mail_reply
        envelope.mail_from = address
        envelope.mail_options.extend(mail_options)
        return "250 OK"

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if self.options.reject_rcpt and self.options.reject_rcpt in address:
            return "550 5.1.1 <%s>: Recipient address rejected: User unknown" % address
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        with self.lock:
            if self.options.data_reply and (self.options.data_failures < 0 or self.data_failures_left > 0):
                self.data_failures_left -= 1
                return self.options.data_reply
            self.count += 1
            name = os.path.join(self.options.mailbox, "%04d.eml" % self.count)
        with open(name + ".tmp", "wb") as out:
            out.write(("X-Envelope-To: %s\r\n" % ",".join(envelope.rcpt_tos)).encode("ascii"))
            out.write(("X-Helo: %s\r\n" % session.host_name).encode("ascii", "replace"))
            out.write(envelope.original_content)
        os.rename(name + ".tmp", name)
        return "250 2.0.0 Ok: queued as %04d" % self.count

    async def auth_CRAM__MD5(self, server, args):
        challenge = ("<%s@smtp.test>" % secrets.token_hex(8)).encode("ascii")
        response = await server.challenge_auth(challenge, encode_to_b64=True)
        if response is None:
            return AuthResult(success=False, handled=False)
        user, _, digest = response.decode("ascii", "replace").partition(" ")
        expected = hmac.new(self.options.cram_md5[1].encode(), challenge, "md5").hexdigest()
        ok = user == self.options.cram_md5[0] and hmac.compare_digest(digest, expected)
        return AuthResult(success=ok, handled=False)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--mailbox", required=True)
    parser.add_argument("--reject-rcpt")
    parser.add_argument("--mail-reply")
    parser.add_argument("--data-reply")
    parser.add_argument("--data-failures", type=int, default=-1)
    parser.add_argument("--tls", nargs=2)
    parser.add_argument("--cram-md5", nargs=2)
    parser.add_argument("--client-ca")
    options = parser.parse_args()

    kwargs = {"auth_require_tls": False}
    if options.tls:
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(options.tls[0], options.tls[1])
        if options.client_ca:
            context.verify_mode = ssl.CERT_REQUIRED
            context.load_verify_locations(options.client_ca)
        kwargs["tls_context"] = context
        kwargs["require_starttls"] = True
    if options.cram_md5:
        kwargs["auth_required"] = True
        kwargs["auth_exclude_mechanism"] = ["LOGIN", "PLAIN"]
        kwargs["authenticator"] = lambda *args: AuthResult(success=False)

    controller = Controller(FaultHandler(options), hostname="127.0.0.1", port=options.port, **kwargs)
    controller.start()
    print("READY", flush=True)
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *a: stop.set())
    # the test's JVM keeps our stdin open; when it goes away, so do we
    threading.Thread(target=lambda: (sys.stdin.read(), stop.set()), daemon=True).start()
    try:
        stop.wait()
    finally:
        controller.stop()


if __name__ == "__main__":
    main()
