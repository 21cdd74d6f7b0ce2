package org.moim.file.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class ThumbnailImagesTest {

    static byte[] image(String format, int width, int height) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < width; x++) {
            image.setRGB(x, height / 2, 0xFF0000);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, format, out);
        return out.toByteArray();
    }

    @Test
    void aThumbnailFitsInItsSquareAndKeepsTheAspect() throws IOException {
        byte[] png = ThumbnailImages.render(new ByteArrayInputStream(image("jpeg", 2000, 1000))).orElseThrow();
        BufferedImage thumbnail = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(thumbnail.getWidth()).isEqualTo(ThumbnailImages.SIZE);
        assertThat(thumbnail.getHeight()).isEqualTo(ThumbnailImages.SIZE / 2);
    }

    @Test
    void smallImagesAreNotEnlarged() throws IOException {
        byte[] png = ThumbnailImages.render(new ByteArrayInputStream(image("png", 40, 30))).orElseThrow();
        BufferedImage thumbnail = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(thumbnail.getWidth()).isEqualTo(40);
        assertThat(thumbnail.getHeight()).isEqualTo(30);
    }

    @Test
    void contentThatIsNoReadableImageHasNoThumbnail() throws IOException {
        assertThat(ThumbnailImages.render(new ByteArrayInputStream("GIF89a not really".getBytes()))).isEmpty();
        byte[] truncated = java.util.Arrays.copyOf(image("png", 300, 300), 60);
        assertThat(ThumbnailImages.render(new ByteArrayInputStream(truncated))).isEmpty();
    }

    @Test
    void theJdkReadsTheCommonRasterTypes() {
        assertThat(ThumbnailImages.canRead("image/png")).isTrue();
        assertThat(ThumbnailImages.canRead("image/jpeg")).isTrue();
        assertThat(ThumbnailImages.canRead("image/gif")).isTrue();
        assertThat(ThumbnailImages.canRead("image/svg+xml")).isFalse();
        assertThat(ThumbnailImages.canRead("application/pdf")).isFalse();
    }
}
