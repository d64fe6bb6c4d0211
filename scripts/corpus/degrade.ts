// The page degradations of the corpus: a scan's blur, small rotation, noise and JPEG, the same for
// every document, deterministic so a rebuild gives the same pictures.
import sharp from "sharp";

/** Deterministic noise, so a rebuild gives the same pictures. */
function noisy(pixels: Buffer, sigma: number, seed: number): Buffer {
  let s = seed >>> 0 || 1;
  const rand = () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
  const out = Buffer.alloc(pixels.length);
  for (let i = 0; i < pixels.length; i++) {
    const g = Math.sqrt(-2 * Math.log(rand() || 1e-9)) * Math.cos(2 * Math.PI * rand());
    out[i] = Math.max(0, Math.min(255, Math.round(pixels[i] + g * sigma)));
  }
  return out;
}

export type Degrade = { scale: number; rotate: number; blur: number; noise: number; jpeg: number };
export const DEGRADE: Record<"light" | "heavy", Degrade> = {
  light: { scale: 0.75, rotate: 0.4, blur: 0.6, noise: 10, jpeg: 60 },
  heavy: { scale: 0.7, rotate: -0.9, blur: 0.7, noise: 12, jpeg: 45 },
};

export async function degrade(png: Buffer, d: Degrade, seed: number): Promise<Buffer> {
  const meta = await sharp(png).metadata();
  const w = Math.round((meta.width ?? 1000) * d.scale);
  const base = await sharp(png)
    .greyscale()
    .resize({ width: w })
    .rotate(d.rotate, { background: "#ffffff" })
    .blur(d.blur)
    .raw()
    .toBuffer({ resolveWithObject: true });
  const { width, height } = base.info;
  return sharp(noisy(base.data, d.noise, seed), { raw: { width, height, channels: 1 } })
    .jpeg({ quality: d.jpeg })
    .toBuffer();
}
