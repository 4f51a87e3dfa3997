// Drives a kernel through a real Jupyter Server with @jupyterlab/services, the client library JupyterLab uses (and
// VS Code for remote servers), and prints what it saw as JSON. The xunit test decides what is right.
// Usage: node lab_client.js BASE_URL TOKEN KERNEL_NAME   (stdout: JSON; stderr: diagnostics)
'use strict';
// The library logs connection events with console.log; stdout carries only the JSON result.
for (const level of ['log', 'info', 'debug']) console[level] = (...args) => process.stderr.write(args.join(' ') + '\n');
const { ServerConnection, KernelManager } = require('@jupyterlab/services');
const WebSocket = require('ws');

const [baseUrl, token, kernelName] = process.argv.slice(2);
const withTimeout = (promise, ms, what) => Promise.race([
  promise,
  new Promise((_, reject) => setTimeout(() => reject(new Error(`timed out after ${ms} ms: ${what}`)), ms)),
]);

async function execute(kernel, code) {
  const outputs = [];
  const future = kernel.requestExecute({ code, stop_on_error: true });
  future.onIOPub = msg => {
    const t = msg.header.msg_type;
    if (t === 'execute_result' || t === 'stream' || t === 'error') outputs.push({ type: t, content: msg.content });
  };
  const reply = await withTimeout(future.done, 60000, `execute ${code}`);
  return { status: reply.content.status, outputs };
}

async function main() {
  const serverSettings = ServerConnection.makeSettings({ baseUrl, wsUrl: baseUrl.replace(/^http/, 'ws'), token, WebSocket });
  const manager = new KernelManager({ serverSettings });
  await withTimeout(manager.ready, 30000, 'kernel manager ready');
  const kernel = await withTimeout(manager.startNew({ name: kernelName }), 60000, 'start kernel');
  const result = { kernel: kernelName };
  try {
    const info = await withTimeout(kernel.info, 60000, 'kernel info');
    result.language = info.language_info.name;
    result.first = await execute(kernel, 'var answer = 42;');
    result.second = await execute(kernel, 'answer + 1');

    const complete = async (code) => (await withTimeout(kernel.requestComplete({ code, cursor_pos: [...code].length }), 30000, `complete ${code}`)).content;
    result.completeType = await complete('Console.Wr');
    result.completeDateTime = await complete('DateTime.');
    result.completeInstance = await complete('answer.ToStr');

    const code = 'Console.WriteLine(answer)';
    result.inspect = (await withTimeout(kernel.requestInspect({ code, cursor_pos: 12, detail_level: 0 }), 30000, 'inspect')).content;

    // A comm for a target the kernel does not know: open() must complete and the comm must be closed by the kernel.
    const comm = kernel.createComm('jupyter.widget');
    let closedBy = null;
    comm.onClose = msg => { closedBy = msg.header.msg_type; };
    const t0 = Date.now();
    await withTimeout(comm.open({ hello: 'kernel' }).done, 10000, 'comm.open()');
    for (let i = 0; i < 100 && closedBy === null; i++) await new Promise(r => setTimeout(r, 50));
    result.comm = { openSeconds: (Date.now() - t0) / 1000, closedBy, isDisposed: comm.isDisposed };
    result.commInfo = (await withTimeout(kernel.requestCommInfo({}), 10000, 'comm info')).content;

    result.history = (await withTimeout(kernel.requestHistory({ output: false, raw: true, hist_access_type: 'tail', n: 10 }), 10000, 'history')).content;
  } finally {
    await withTimeout(kernel.shutdown(), 30000, 'shutdown').catch(e => process.stderr.write(`shutdown: ${e}\n`));
    manager.dispose();
  }
  // The client keeps reconnect timers for the shut-down kernel; exit once the JSON is out.
  process.stdout.write(JSON.stringify(result), () => process.exit(0));
}

main().catch(e => { process.stderr.write(`${e && e.stack || e}\n`); process.exit(1); });
