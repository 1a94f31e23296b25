/**
 * Reads a server token file the way `uploadToken` takes it: Apple's `.p7m` is S/MIME text and is
 * sent as text; a binary (DER) file is sent as the base64 of its bytes.
 */
export async function readTokenFile(file: Blob): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  if (bytes.length === 0) throw new Error('The file is empty.');
  if (bytes.length > 4_000_000) throw new Error('The file is larger than any server token (4 MB).');
  if (!bytes.includes(0)) {
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      // Not UTF-8: binary, sent as base64 below.
    }
  }
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}
