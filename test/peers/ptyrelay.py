#!/usr/bin/python3
"""A pseudo serial console for tests: a pty "port" whose far end runs a command (a CLI).

Usage: ptyrelay.py --link PATH [--rate BYTES_PER_SECOND] [--owner-pid PID] -- COMMAND [ARGS...]

PATH becomes a symlink to the port's device (/dev/pts/N); open it like a USB console cable.

Why a relay rather than `socat EXEC:...,pty`: socat writes blockingly, so bulk input deadlocks
(socat blocked writing into the CLI's full input queue while the CLI is blocked writing its echo,
which nobody reads). Here the CLI's output is always drained into a bounded buffer (oldest bytes
dropped beyond 64 KiB, like a console nobody watches), and only the input side pushes back
(a 4 KiB queue, like a UART transmit buffer).

--rate paces each direction at that many bytes per second (960 for 9600 baud 8N1), in 10 ms
slices with no burst credit after idle time. The relay keeps the port open itself, so a client
closing and reopening the port finds the same CLI session. The relay exits when the command
exits, on SIGTERM/SIGINT/SIGHUP, or when --owner-pid no longer exists.
"""
import argparse
import errno
import fcntl
import os
import pty
import select
import signal
import struct
import sys
import termios
import time
import tty

INPUT_LIMIT = 4096
OUTPUT_LIMIT = 64 * 1024
COLUMNS = 511


class Direction:
    """Bytes queued for one file descriptor, released no faster than the rate allows."""

    def __init__(self, target, rate, limit, drop_oldest):
        self.target = target
        self.queue = bytearray()
        self.limit = limit
        self.drop_oldest = drop_oldest
        self.seconds_per_byte = 1.0 / rate if rate > 0 else 0.0
        self.slice = max(1, int(rate / 100)) if rate > 0 else 65536
        self.ready_at = 0.0

    def accepts_more(self):
        return self.drop_oldest or len(self.queue) < self.limit

    def add(self, data):
        self.queue += data
        if self.drop_oldest and len(self.queue) > self.limit:
            del self.queue[: len(self.queue) - self.limit]

    def delay(self, now):
        """None when idle, 0 when a write may happen now, else seconds to wait."""
        if not self.queue:
            return None
        return max(0.0, self.ready_at - now)

    def write(self, now):
        try:
            written = os.write(self.target, self.queue[: self.slice])
        except OSError as error:
            if error.errno in (errno.EAGAIN, errno.EIO):
                return
            raise
        del self.queue[:written]
        if self.seconds_per_byte:
            self.ready_at = max(self.ready_at, now) + written * self.seconds_per_byte


def nonblocking(descriptor):
    flags = fcntl.fcntl(descriptor, fcntl.F_GETFL)
    fcntl.fcntl(descriptor, fcntl.F_SETFL, flags | os.O_NONBLOCK)


def open_port(link):
    master, slave = os.openpty()
    tty.setraw(slave)  # the client sees the CLI's bytes unchanged; echo comes from the CLI
    temporary = "%s.%d" % (link, os.getpid())
    os.symlink(os.ttyname(slave), temporary)
    os.rename(temporary, link)
    return master, slave


def owner_alive(pid):
    if pid is None:
        return True
    try:
        os.kill(pid, 0)
        return True
    except ProcessLookupError:
        return False
    except PermissionError:
        return True


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--link", required=True)
    parser.add_argument("--rate", type=float, default=0.0)
    parser.add_argument("--owner-pid", type=int)
    parser.add_argument("command", nargs=argparse.REMAINDER)
    options = parser.parse_args()
    command = options.command[1:] if options.command[:1] == ["--"] else options.command
    if not command:
        parser.error("missing command")

    port, port_slave = open_port(options.link)
    child, cli = pty.fork()
    if child == 0:
        os.execvp(command[0], command)
    fcntl.ioctl(cli, termios.TIOCSWINSZ, struct.pack("HHHH", 0, COLUMNS, 0, 0))

    def finish(*_):
        try:
            if os.readlink(options.link) == os.ttyname(port_slave):
                os.unlink(options.link)
        except OSError:
            pass
        try:
            os.kill(child, signal.SIGHUP)
        except OSError:
            pass
        os._exit(0)

    for signum in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP):
        signal.signal(signum, finish)

    nonblocking(port)
    nonblocking(cli)
    to_cli = Direction(cli, options.rate, INPUT_LIMIT, drop_oldest=False)
    to_port = Direction(port, options.rate, OUTPUT_LIMIT, drop_oldest=True)
    owner_checked = 0.0
    while True:
        now = time.monotonic()
        if now - owner_checked >= 1.0:
            owner_checked = now
            if not owner_alive(options.owner_pid):
                finish()
        readers = [cli]
        if to_cli.accepts_more():
            readers.append(port)
        writers, waits = [], [1.0]
        for direction in (to_cli, to_port):
            delay = direction.delay(now)
            if delay == 0:
                writers.append(direction.target)
            elif delay is not None:
                waits.append(delay)
        try:
            readable, writable, _ = select.select(readers, writers, [], min(waits))
        except InterruptedError:
            continue
        now = time.monotonic()
        if cli in readable:
            try:
                data = os.read(cli, 65536)
            except OSError as error:
                if error.errno != errno.EIO:
                    raise
                data = b""
            if not data:
                finish()  # the command exited
            to_port.add(data)
        if port in readable:
            try:
                to_cli.add(os.read(port, 65536))
            except OSError as error:
                if error.errno not in (errno.EAGAIN, errno.EIO):
                    raise
        for direction in (to_cli, to_port):
            if direction.target in writable:
                direction.write(now)


if __name__ == "__main__":
    sys.exit(main())
