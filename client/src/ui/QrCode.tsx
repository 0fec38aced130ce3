import QRCode from 'qrcode';
import { useEffect, useState } from 'preact/hooks';

/**
 * A QR code for a link, drawn by the qrcode package into an image of `size` pixels. With a class
 * name, the stylesheet sizes it instead (the projector's scale with the screen).
 */
export function QrCode({ url, size = 240, className }: { url: string; size?: number; className?: string }) {
  const [src, setSrc] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    QRCode.toDataURL(url, { width: size, margin: 1, errorCorrectionLevel: 'M' }).then((data) => live && setSrc(data));
    return () => {
      live = false;
    };
  }, [url, size]);
  const cls = className ? `qr ${className}` : 'qr';
  const box = className ? undefined : { width: size, height: size };
  return src ? <img class={cls} src={src} width={size} height={size} alt={`QR code for ${url}`} /> : <div class={cls} style={box} />;
}
