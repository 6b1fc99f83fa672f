#!/usr/bin/python3
"""Best-effort cleanup for a test peer whose owner died without stopping it.

Usage: watchdog.py OWNER_PID OWNER_START_TIME PROCESSES_FILE [REMOVE_DIRECTORY]

Every second: if PROCESSES_FILE is gone, the owner stopped the peer itself, so exit. If the
owner process (PID plus kernel start time, to survive PID reuse) is gone, kill every process
listed in PROCESSES_FILE ("name pid start_time" per line) together with its descendants:
SIGTERM, then SIGKILL two seconds later; then remove REMOVE_DIRECTORY if given (the peer's
state, which holds its passwords).
"""
import os
import shutil
import signal
import sys
import time


def stat_of(pid):
    try:
        with open("/proc/%d/stat" % pid) as handle:
            text = handle.read()
    except OSError:
        return None
    fields = text[text.rindex(")") + 2:].split()
    return {"state": fields[0], "parent": int(fields[1]), "start": fields[19]}


def same_process(pid, start):
    stat = stat_of(pid)
    return stat is not None and stat["state"] != "Z" and stat["start"] == start


def descendants(root):
    children = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            stat = stat_of(int(entry))
            if stat is not None:
                children.setdefault(stat["parent"], []).append(int(entry))
    found = []
    pending = [root]
    while pending:
        for child in children.get(pending.pop(), []):
            found.append(child)
            pending.append(child)
    return found


def read_tracked(path):
    tracked = []
    with open(path) as handle:
        for line in handle:
            parts = line.split()
            if len(parts) == 3 and parts[1].isdigit():
                tracked.append((int(parts[1]), parts[2]))
    return tracked


def signal_all(pids, signum):
    for pid in pids:
        try:
            os.kill(pid, signum)
        except OSError:
            pass


def main():
    owner, owner_start, processes_file = int(sys.argv[1]), sys.argv[2], sys.argv[3]
    remove_directory = sys.argv[4] if len(sys.argv) > 4 else None
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    while True:
        time.sleep(1)
        if not os.path.exists(processes_file):
            return
        if same_process(owner, owner_start):
            continue
        try:
            tracked = read_tracked(processes_file)
        except OSError:
            return
        victims = []
        for pid, start in tracked:
            if pid != os.getpid() and same_process(pid, start):
                victims.extend(descendants(pid))
                victims.append(pid)
        signal_all(victims, signal.SIGTERM)
        time.sleep(2)
        signal_all([pid for pid in victims if stat_of(pid) is not None], signal.SIGKILL)
        if remove_directory is not None:
            shutil.rmtree(remove_directory, ignore_errors=True)
        return


if __name__ == "__main__":
    main()
