"""Drive a Jupyter kernel with Jupyter's own client (jupyter_client) and print what it saw as JSON.

The xunit tests decide what is right; this script only performs the steps and records every reply and iopub
message per request, so the assertions live next to the code they test.

Input (JSON on stdin):
  {"connection_file": PATH}                      attach to a running kernel, or
  {"kernel_name": NAME, "jupyter_path": DIR}     start it with KernelManager from an installed kernelspec
  "steps": [{"op": ...}, ...]                    see run_step
Output (JSON on stdout): {"startup": {...}, "steps": [{"op", "reply", "iopub", "seconds", ...}]}
"""
import json
import os
import queue
import signal
import sys
import time

from jupyter_client import BlockingKernelClient, KernelManager
from jupyter_client.session import Session

TIMEOUT = 60.0


class Driver:
    def __init__(self, plan):
        self.km = None
        self.startup = {}
        self.iopub_buffer = []
        t0 = time.monotonic()
        if "kernel_name" in plan:
            if plan.get("jupyter_path"):
                os.environ["JUPYTER_PATH"] = plan["jupyter_path"]
            self.km = KernelManager(kernel_name=plan["kernel_name"])
            self.km.start_kernel()
            self.kc = self.km.client()
        else:
            self.kc = BlockingKernelClient(connection_file=plan["connection_file"])
            self.kc.load_connection_file()
            # Attached to a kernel inside the xunit process, jupyter_client judges it alive by heartbeat alone, with a
            # 1 s deadline; with every test class running at once on two cores, one late echo would end the test
            # with "Kernel died before replying to kernel_info". The kernel's own heartbeat tests still use 1 s.
            self.kc.hb_channel.time_to_dead = plan.get("time_to_dead", 5.0)
        self.kc.start_channels()
        self.kc.wait_for_ready(timeout=TIMEOUT)
        self.t0 = t0
        self.startup["ready_seconds"] = time.monotonic() - t0

    # -- plumbing -------------------------------------------------------------------------------------------
    def channel(self, name):
        return {"shell": self.kc.shell_channel, "control": self.kc.control_channel}[name]

    def get(self, name, timeout):
        # The blocking client's own wrappers: the channels' get_msg is a coroutine in jupyter_client 7+.
        return {"shell": self.kc.get_shell_msg, "control": self.kc.get_control_msg, "iopub": self.kc.get_iopub_msg}[name](timeout=timeout)

    def send(self, channel, msg_type, content=None):
        msg = self.kc.session.msg(msg_type, content or {})
        self.channel(channel).send(msg)
        return msg["header"]["msg_id"]

    def reply_for(self, channel, msg_id, timeout=TIMEOUT):
        deadline = time.monotonic() + timeout
        while True:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise TimeoutError(f"no reply to {msg_id} on {channel}")
            msg = self.get(channel, remaining)
            if msg["parent_header"].get("msg_id") == msg_id:
                return msg

    def iopub_until_idle(self, msg_id, timeout=TIMEOUT):
        """All iopub messages whose parent is msg_id, up to and including its status idle."""
        mine = [m for m in self.iopub_buffer if m["parent_header"].get("msg_id") == msg_id]
        self.iopub_buffer = [m for m in self.iopub_buffer if m["parent_header"].get("msg_id") != msg_id]
        if any(self.is_idle(m) for m in mine):
            return mine
        deadline = time.monotonic() + timeout
        while True:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise TimeoutError(f"no status idle for {msg_id}")
            msg = self.kc.get_iopub_msg(timeout=remaining)
            if msg["parent_header"].get("msg_id") != msg_id:
                self.iopub_buffer.append(msg)
                continue
            mine.append(msg)
            if self.is_idle(msg):
                return mine

    @staticmethod
    def is_idle(m):
        return m["header"]["msg_type"] == "status" and m["content"]["execution_state"] == "idle"

    @staticmethod
    def slim(m):
        return {"msg_type": m["header"]["msg_type"], "content": m["content"],
                "parent_msg_id": m["parent_header"].get("msg_id"), "version": m["header"].get("version")}

    def request(self, channel, msg_type, content=None):
        t = time.monotonic()
        msg_id = self.send(channel, msg_type, content)
        reply = self.reply_for(channel, msg_id)
        iopub = self.iopub_until_idle(msg_id)
        return {"msg_id": msg_id, "reply": self.slim(reply), "iopub": [self.slim(m) for m in iopub],
                "seconds": time.monotonic() - t}

    # -- steps ----------------------------------------------------------------------------------------------
    def run_step(self, step):
        op = step["op"]
        if op == "kernel_info":
            return self.request(step.get("channel", "shell"), "kernel_info_request")
        if op == "execute":
            return self.execute(step)
        if op == "execute_batch":
            return self.execute_batch(step)
        if op == "complete":
            return self.request("shell", "complete_request", {"code": step["code"], "cursor_pos": step["cursor_pos"]})
        if op == "inspect":
            return self.request("shell", "inspect_request",
                                {"code": step["code"], "cursor_pos": step["cursor_pos"], "detail_level": 0})
        if op == "is_complete":
            return self.request("shell", "is_complete_request", {"code": step["code"]})
        if op == "comm_info":
            return self.request("shell", "comm_info_request", {})
        if op == "history":
            content = {"output": False, "raw": True, "hist_access_type": "tail", "n": 10}
            content.update(step.get("content", {}))
            return self.request("shell", "history_request", content)
        if op in ("comm_open", "comm_msg", "comm_close"):
            # No shell reply exists for these: the kernel answers on iopub only (busy, maybe comm_close, idle).
            t = time.monotonic()
            msg_id = self.send("shell", op, step["content"])
            return {"msg_id": msg_id, "iopub": [self.slim(m) for m in self.iopub_until_idle(msg_id, timeout=10)],
                    "seconds": time.monotonic() - t}
        if op == "bad_signature":
            return self.bad_signature()
        if op == "raw":
            return self.raw(step)
        if op == "replay":
            return self.replay(step)
        if op == "heartbeat":
            # jupyter_client's heartbeat thread pings every second and marks the kernel dead after a missed echo.
            time.sleep(step.get("seconds", 2.5))
            return {"beating": self.kc.hb_channel.is_beating()}
        if op == "shutdown":
            return self.shutdown(step)
        raise ValueError(f"unknown op {op}")

    def execute_content(self, step, code):
        return {"code": code, "silent": step.get("silent", False), "store_history": step.get("store_history", True),
                "user_expressions": {}, "allow_stdin": False, "stop_on_error": step.get("stop_on_error", True)}

    def execute(self, step):
        t = time.monotonic()
        msg_id = self.send("shell", "execute_request", self.execute_content(step, step["code"]))
        result = {"msg_id": msg_id}
        if "interrupt_after" in step:
            time.sleep(step["interrupt_after"])
            ti = time.monotonic()
            if step.get("via") == "sigint":
                self.km.signal_kernel(signal.SIGINT)
                result["interrupt_reply"] = None
            elif self.km is not None:
                self.km.interrupt_kernel()
                result["interrupt_reply"] = None
            else:
                int_id = self.send("control", "interrupt_request")
                result["interrupt_reply"] = self.slim(self.reply_for("control", int_id))
            result["interrupt_seconds"] = time.monotonic() - ti
        reply = self.reply_for("shell", msg_id)
        result["reply"] = self.slim(reply)
        result["iopub"] = [self.slim(m) for m in self.iopub_until_idle(msg_id)]
        result["seconds"] = time.monotonic() - t
        result["since_start_seconds"] = time.monotonic() - self.t0
        return result

    def execute_batch(self, step):
        ids = [self.send("shell", "execute_request", self.execute_content(step, code)) for code in step["codes"]]
        out = []
        during = self.run_step({"op": step["then"]}) if "then" in step else None
        for msg_id in ids:
            reply = self.reply_for("shell", msg_id)
            out.append({"msg_id": msg_id, "reply": self.slim(reply),
                        "iopub": [self.slim(m) for m in self.iopub_until_idle(msg_id)]})
        return {"results": out, step["then"]: during} if "then" in step else {"results": out}

    def bad_signature(self):
        """A request signed with another key must get neither a reply nor any iopub message."""
        forger = Session(key=b"not-the-kernel-key", signature_scheme="hmac-sha256", username="intruder")
        msg = forger.msg("execute_request", self.execute_content({}, 'print forged'))
        forger.send(self.kc.shell_channel.socket, msg)
        got = []
        deadline = time.monotonic() + 2.0
        while time.monotonic() < deadline:
            try:
                m = self.get("shell", max(0.01, deadline - time.monotonic()))
                got.append(self.slim(m))
            except queue.Empty:
                break
        iopub = []
        while True:
            try:
                m = self.kc.get_iopub_msg(timeout=0.2)
                if m["parent_header"].get("msg_id") == msg["header"]["msg_id"]:
                    iopub.append(self.slim(m))
                else:
                    self.iopub_buffer.append(m)
            except queue.Empty:
                break
        return {"forged_msg_id": msg["header"]["msg_id"], "replies": got, "iopub": iopub}

    def signed_frames(self, header, content):
        parts = [header.encode(), b"{}", b"{}", content.encode()]
        h = self.kc.session.auth.copy()
        for p in parts:
            h.update(p)
        return [b"<IDS|MSG>", h.hexdigest().encode()] + parts

    def collect(self, msg_id, seconds):
        """Shell replies and iopub messages whose parent is msg_id, for a fixed time."""
        replies, iopub = [], []
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            try:
                m = self.get("shell", 0.05)
                if m["parent_header"].get("msg_id") == msg_id:
                    replies.append(self.slim(m))
            except queue.Empty:
                pass
            try:
                m = self.kc.get_iopub_msg(timeout=0.05)
                if m["parent_header"].get("msg_id") == msg_id:
                    iopub.append(self.slim(m))
                else:
                    self.iopub_buffer.append(m)
            except queue.Empty:
                pass
        return replies, iopub

    def raw(self, step):
        """A correctly signed message built from raw JSON text, e.g. with a repeated key the client library cannot make."""
        header = self.kc.session.msg_header(step.get("msg_type", "execute_request"))
        header_json = json.dumps(header, default=str)
        if step.get("duplicate_header_key"):
            header_json = header_json[:-1] + ', "username": "twice"}'
        frames = self.signed_frames(header_json, step["content_json"])
        self.kc.shell_channel.socket.send_multipart(frames)
        replies, iopub = self.collect(header["msg_id"], step.get("seconds", 3.0))
        return {"msg_id": header["msg_id"], "replies": replies, "iopub": iopub}

    def replay(self, step):
        """The same signed execute_request sent twice, as an eavesdropper would: it must run once."""
        header = self.kc.session.msg_header("execute_request")
        content = json.dumps(self.execute_content(step, step["code"]))
        frames = self.signed_frames(json.dumps(header, default=str), content)
        self.kc.shell_channel.socket.send_multipart(frames)
        time.sleep(0.5)
        self.kc.shell_channel.socket.send_multipart(frames)
        replies, iopub = self.collect(header["msg_id"], step.get("seconds", 3.0))
        return {"msg_id": header["msg_id"], "replies": replies, "iopub": iopub}

    def shutdown(self, step):
        t = time.monotonic()
        msg_id = self.send("control", "shutdown_request", {"restart": step.get("restart", False)})
        reply = self.reply_for("control", msg_id)
        result = {"reply": self.slim(reply)}
        if self.km is not None:
            deadline = time.monotonic() + 10
            while self.km.is_alive() and time.monotonic() < deadline:
                time.sleep(0.05)
            result["alive_after"] = self.km.is_alive()

            self.km.cleanup_resources()
        result["seconds"] = time.monotonic() - t
        return result

    def close(self):
        self.kc.stop_channels()
        if self.km is not None and self.km.is_alive():
            self.km.shutdown_kernel(now=True)


def main():
    plan = json.load(sys.stdin)
    driver = Driver(plan)
    steps = []
    try:
        for step in plan["steps"]:
            try:
                r = driver.run_step(step)
            except Exception as e:  # report, so the test names the step that failed
                r = {"exception": f"{type(e).__name__}: {e}"}
            r["op"] = step["op"]
            steps.append(r)
    finally:
        driver.close()
    json.dump({"startup": driver.startup, "steps": steps}, sys.stdout, default=str)


if __name__ == "__main__":
    main()
