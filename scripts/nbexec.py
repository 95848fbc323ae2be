#!/usr/bin/python3
"""Executes a notebook headless, as `jupyter nbconvert --execute` does (nbclient), but keeps a
cell's outputs that arrive after its `status: idle`.

nbclient stops collecting a cell's outputs at the kernel's `status: idle` for that cell
(NotebookClient._async_poll_output_msg). The Deno kernel (2.9) sometimes publishes a cell's
execute_result or display data *after* that idle message, so nbconvert dropped it: outputs were
lost at random, in any notebook. Here, after idle, the IOPub channel is drained for a grace
period and every late message of the same cell is processed as nbclient would; the number of
late messages is printed on stderr (`late outputs: N`), so the kernel's behaviour stays visible.

Usage: nbexec.py <in.ipynb> <out.ipynb> [kernel] — run with Debian's /usr/bin/python3
(python3-nbconvert brings nbclient); cwd is the notebook's folder.
"""
import asyncio
import sys

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionComplete
from nbclient.util import ensure_async

GRACE_S = 1.0  # quiet time after which a cell's late outputs are taken as complete
MAX_WAIT_S = 10.0

late = 0


class PatientClient(NotebookClient):
    async def _async_poll_output_msg(self, parent_msg_id, cell, cell_index):
        global late
        await super()._async_poll_output_msg(parent_msg_id, cell, cell_index)
        loop = asyncio.get_running_loop()
        deadline = loop.time() + MAX_WAIT_S
        while loop.time() < deadline:
            try:
                msg = await ensure_async(self.kc.iopub_channel.get_msg(timeout=GRACE_S))
            except Exception:  # queue.Empty: nothing more within the grace period
                return
            if msg["parent_header"].get("msg_id") != parent_msg_id:
                continue
            if msg["msg_type"] in ("execute_result", "display_data", "stream", "error", "update_display_data"):
                late += 1
            try:
                self.process_message(msg, cell, cell_index)
            except CellExecutionComplete:
                pass


def main():
    src, dst = sys.argv[1], sys.argv[2]
    kernel = sys.argv[3] if len(sys.argv) > 3 else "deno"
    nb = nbformat.read(src, as_version=4)
    PatientClient(nb, kernel_name=kernel, timeout=600, iopub_timeout=120).execute()
    nbformat.write(nb, dst)
    print(f"late outputs: {late}", file=sys.stderr)


if __name__ == "__main__":
    main()
