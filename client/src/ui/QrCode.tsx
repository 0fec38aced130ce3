import QRCode from 'qrcode';
import { useEffect, useState } from 'preact/hooks';

/** A QR code for a link, drawn by the qrcode package into an image. */
export function QrCode({ url, size = 240 }: { url: string; size?: number }) {
  const [src, setSrc] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    QRCode.toDataURL(url, { width: size, margin: 1, errorCorrectionLevel: 'M' }).then((data) => live && setSrc(data));
    return () => {
      live = false;
    };
  }, [url, size]);
  return src ? <img class="qr" src={src} width={size} height={size} alt={`QR code for ${url}`} /> : <div class="qr" style={{ width: size, height: size }} />;
}
