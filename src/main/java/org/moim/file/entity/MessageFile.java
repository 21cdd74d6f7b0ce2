package org.moim.file.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.Objects;

/**
 * A file on a chat message, number {@code sortOrder} (0, 1, 2…) of its files. A file is on at
 * most one message; the file itself says where it lives (target {@code message:<id>}, scope
 * {@code channel:<id>}).
 */
@Entity
@Table(name = "chat_message_file")
public class MessageFile {

    @Id
    @Column(name = "file_id", length = 36)
    private String fileId;

    @Column(name = "message_id", nullable = false, length = 36, updatable = false)
    private String messageId;

    @Column(name = "sort_order", nullable = false, updatable = false)
    private int sortOrder;

    protected MessageFile() {
    }

    public MessageFile(String messageId, String fileId, int sortOrder) {
        this.messageId = Objects.requireNonNull(messageId);
        this.fileId = Objects.requireNonNull(fileId);
        this.sortOrder = sortOrder;
    }

    public String fileId() {
        return fileId;
    }

    public String messageId() {
        return messageId;
    }

    public int sortOrder() {
        return sortOrder;
    }
}
