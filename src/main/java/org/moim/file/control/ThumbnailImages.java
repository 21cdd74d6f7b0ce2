package org.moim.file.control;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import java.util.Optional;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Thumbnails with the JDK's ImageIO: at most {@value #SIZE}×{@value #SIZE} pixels, aspect kept,
 * PNG. The image's size is read from its header first: images of more than
 * {@value #MAX_PIXELS} pixels get none (a decompression bomb must not exhaust the heap), and
 * large ones are decoded subsampled, so memory stays small whatever the file's size.
 */
public final class ThumbnailImages {

    public static final int SIZE = 256;
    public static final long MAX_PIXELS = 100_000_000L;

    private ThumbnailImages() {
    }

    /** Whether this JDK can read images of the type (WebP needs a plug-in the JDK lacks). */
    public static boolean canRead(String contentType) {
        return switch (contentType) {
            case "image/png", "image/jpeg", "image/gif", "image/bmp", "image/webp" -> ImageIO.getImageReadersByMIMEType(contentType).hasNext();
            default -> false;
        };
    }

    /** The thumbnail as PNG bytes; empty when the content is no image ImageIO can read, or too large. */
    public static Optional<byte[]> render(InputStream content) {
        try (ImageInputStream input = ImageIO.createImageInputStream(content)) {
            if (input == null) {
                return Optional.empty();
            }
            Iterator<ImageReader> readers = ImageIO.getImageReaders(input);
            if (!readers.hasNext()) {
                return Optional.empty();
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(input, true, true);
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                if (width <= 0 || height <= 0 || (long) width * height > MAX_PIXELS) {
                    return Optional.empty();
                }
                ImageReadParam param = reader.getDefaultReadParam();
                int step = Math.max(1, Math.max(width, height) / (2 * SIZE));
                param.setSourceSubsampling(step, step, 0, 0);
                BufferedImage image = reader.read(0, param);
                return Optional.of(png(scale(image)));
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            // Not an image after all, or one the decoder chokes on: no thumbnail, and retrying cannot help.
            return Optional.empty();
        }
    }

    static BufferedImage scale(BufferedImage image) {
        double factor = Math.min(1.0, Math.min((double) SIZE / image.getWidth(), (double) SIZE / image.getHeight()));
        int width = Math.max(1, (int) Math.round(image.getWidth() * factor));
        int height = Math.max(1, (int) Math.round(image.getHeight() * factor));
        BufferedImage scaled = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = scaled.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.drawImage(image, 0, 0, width, height, null);
        } finally {
            g.dispose();
        }
        return scaled;
    }

    private static byte[] png(BufferedImage image) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (!ImageIO.write(image, "png", out)) {
            throw new IOException("no PNG writer");
        }
        return out.toByteArray();
    }
}
