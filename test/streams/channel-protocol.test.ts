import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  decodeErrorStream,
  decodeFrame,
  decodePortPrefix,
  encodeClose,
  encodeFrame,
  encodePortPrefix,
  encodeResize,
  exitCodeStatus,
  STREAM_CLOSE,
  STREAM_RESIZE,
} from '../../src/streams/channel-protocol.js';

describe('frames', () => {
  it('round-trip any stream id and payload', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 255 }), fc.uint8Array({ maxLength: 300 }), (stream, data) => {
        const frame = decodeFrame(encodeFrame(stream, data));
        expect(frame?.stream).toBe(stream);
        expect([...(frame?.data ?? [])]).toEqual([...data]);
      }),
    );
  });

  it('decode ArrayBuffers and fragment lists like Buffers', () => {
    const b = encodeFrame(1, 'hi');
    const ab = new Uint8Array(b).buffer;
    expect(decodeFrame(ab)?.data.toString()).toBe('hi');
    expect(decodeFrame([Buffer.from([2]), Buffer.from('yo')])).toEqual({ stream: 2, data: Buffer.from('yo') });
  });

  it('ignore empty messages and refuse bad stream ids', () => {
    expect(decodeFrame(Buffer.alloc(0))).toBeUndefined();
    expect(() => encodeFrame(256)).toThrow(RangeError);
    expect(() => encodeFrame(-1)).toThrow(RangeError);
  });

  it('encode v5 close and resize messages as client-go does', () => {
    expect([...encodeClose(0)]).toEqual([STREAM_CLOSE, 0]);
    const r = encodeResize({ width: 120, height: 40 });
    expect(r[0]).toBe(STREAM_RESIZE);
    expect(r.subarray(1).toString()).toBe('{"Width":120,"Height":40}');
  });

  it('port prefixes round-trip as little-endian uint16', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 65535 }), fc.uint8Array({ maxLength: 20 }), (port, rest) => {
        const got = decodePortPrefix(Buffer.concat([encodePortPrefix(port), rest]));
        expect(got?.port).toBe(port);
        expect([...(got?.rest ?? [])]).toEqual([...rest]);
      }),
    );
    expect([...encodePortPrefix(8080)]).toEqual([0x90, 0x1f]);
    expect(decodePortPrefix(Buffer.from([1]))).toBeUndefined();
  });
});

describe('error stream', () => {
  it('exit codes round-trip through the Status kube sends', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 255 }), (code) => {
        expect(decodeErrorStream(exitCodeStatus(code))).toEqual({
          ok: false,
          exitCode: code,
          message: `command terminated with exit code ${code}`,
        });
      }),
    );
    expect(decodeErrorStream(exitCodeStatus(0))).toEqual({ ok: true });
  });

  it('other failures carry the message; protocol errors quote the text', () => {
    expect(decodeErrorStream('{"status":"Failure","message":"container not found (\\"x\\")"}')).toEqual({
      ok: false,
      error: 'container not found ("x")',
    });
    expect(decodeErrorStream('{"status":"Failure","reason":"NonZeroExitCode"}')).toEqual({
      ok: false,
      error: 'error stream protocol error: details must be set',
    });
    expect(
      decodeErrorStream(
        '{"status":"Failure","reason":"NonZeroExitCode","details":{"causes":[{"reason":"ExitCode","message":"300"}]}}',
      ),
    ).toEqual({ ok: false, error: 'error stream protocol error: invalid exit code value "300"' });
    expect(decodeErrorStream('{"status":"Weird"}')).toEqual({
      ok: false,
      error: 'error stream protocol error: unknown error',
    });
    const bad = decodeErrorStream('oops');
    expect(bad.ok).toBe(false);
    expect('error' in bad && bad.error).toMatch(/^error stream protocol error: .* in "oops"$/);
  });
});
