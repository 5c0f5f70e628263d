/** A Python exception described by pure helpers (type name and message); the VM turns it into a real exception object. */
export class PyErrorSpec extends Error { constructor(readonly pyType: string, readonly pyMessage: string) { super(pyType + ': ' + pyMessage); } }
