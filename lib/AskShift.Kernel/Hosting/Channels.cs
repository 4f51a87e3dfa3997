using AskShift.Kernel.Wire;

namespace AskShift.Kernel.Hosting;

/// <summary>The kernel's sockets, named as in the connection file.</summary>
public enum KernelChannel { Shell, Control, Stdin, IOPub }

/// <summary>A message waiting in the outbox for the socket thread to sign and send it.</summary>
internal sealed record Outgoing(KernelChannel Channel, JupyterMessage? Message, bool StopAfter = false);
