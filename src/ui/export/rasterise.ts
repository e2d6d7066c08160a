/**
 * SVG → PNG at 1×, 2× or 4× the CSS size: the exported SVG (fonts inlined) is decoded as an
 * image and drawn on a canvas, as OWID Grapher's StaticChartRasterizer does. Browser only.
 */
export type PngScale = 1 | 2 | 4;

export async function svgToPng(
  svg: string,
  size: { width: number; height: number },
  scale: PngScale,
): Promise<Blob> {
  // The page's own fonts first (no invisible text on a first export)...
  if (document.fonts) await document.fonts.ready;
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.decoding = 'sync';
    image.src = url;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(size.width * scale);
    canvas.height = Math.round(size.height * scale);
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('This browser cannot draw images.');
    // ...then the SVG's inlined fonts: decoding can finish before they are applied, so draw
    // once, give them a frame, and draw again on a cleared canvas.
    ctx.drawImage(image, 0, 0, canvas.width, canvas.height);
    await new Promise((resolve) => setTimeout(resolve, 16));
    ctx.clearRect(0, 0, canvas.width, canvas.height);
    ctx.drawImage(image, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob(
        (blob) => (blob ? resolve(blob) : reject(new Error('The image could not be made.'))),
        'image/png',
      ),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}
