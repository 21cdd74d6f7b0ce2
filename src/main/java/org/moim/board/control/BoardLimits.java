package org.moim.board.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The limits of boards ({@code moim.boards.*}, README's configuration table): text lengths in
 * characters (code points) and counts. Lengths are capped by the columns (names 200, titles
 * 500, checklist items 1,000); counts include archived things.
 */
@ApplicationScoped
public class BoardLimits {

    @Inject
    @ConfigProperty(name = "moim.boards.name-max-length", defaultValue = "100")
    int nameMaxLength;

    @Inject
    @ConfigProperty(name = "moim.boards.card-title-max-length", defaultValue = "300")
    int cardTitleMaxLength;

    @Inject
    @ConfigProperty(name = "moim.boards.label-name-max-length", defaultValue = "40")
    int labelNameMaxLength;

    @Inject
    @ConfigProperty(name = "moim.boards.description-max-length", defaultValue = "5000")
    int descriptionMaxLength;

    @Inject
    @ConfigProperty(name = "moim.boards.card-description-max-length", defaultValue = "20000")
    int cardDescriptionMaxLength;

    @Inject
    @ConfigProperty(name = "moim.boards.comment-max-length", defaultValue = "5000")
    int commentMaxLength;

    @Inject
    @ConfigProperty(name = "moim.boards.checklist-item-max-length", defaultValue = "500")
    int checklistItemMaxLength;

    @Inject
    @ConfigProperty(name = "moim.boards.lists-per-board", defaultValue = "100")
    int listsPerBoard;

    @Inject
    @ConfigProperty(name = "moim.boards.cards-per-board", defaultValue = "10000")
    int cardsPerBoard;

    @Inject
    @ConfigProperty(name = "moim.boards.cards-per-list", defaultValue = "5000")
    int cardsPerList;

    @Inject
    @ConfigProperty(name = "moim.boards.checklist-items-per-card", defaultValue = "100")
    int checklistItemsPerCard;

    @Inject
    @ConfigProperty(name = "moim.boards.labels-per-board", defaultValue = "50")
    int labelsPerBoard;

    @Inject
    @ConfigProperty(name = "moim.boards.assignees-per-card", defaultValue = "20")
    int assigneesPerCard;

    @Inject
    @ConfigProperty(name = "moim.boards.members-per-board", defaultValue = "500")
    int membersPerBoard;

    @Inject
    @ConfigProperty(name = "moim.boards.sort-key-max-length", defaultValue = "64")
    int sortKeyMaxLength;

    public BoardLimits() {
    }

    /** Fixed limits, for tests of control classes. */
    public static BoardLimits defaults() {
        BoardLimits limits = new BoardLimits();
        limits.nameMaxLength = 100;
        limits.cardTitleMaxLength = 300;
        limits.labelNameMaxLength = 40;
        limits.descriptionMaxLength = 5000;
        limits.cardDescriptionMaxLength = 20000;
        limits.commentMaxLength = 5000;
        limits.checklistItemMaxLength = 500;
        limits.listsPerBoard = 100;
        limits.cardsPerBoard = 10000;
        limits.cardsPerList = 5000;
        limits.checklistItemsPerCard = 100;
        limits.labelsPerBoard = 50;
        limits.assigneesPerCard = 20;
        limits.membersPerBoard = 500;
        limits.sortKeyMaxLength = 64;
        return limits;
    }

    public int nameMaxLength() {
        return Math.min(nameMaxLength, 200);
    }

    public int cardTitleMaxLength() {
        return Math.min(cardTitleMaxLength, 500);
    }

    public int labelNameMaxLength() {
        return Math.min(labelNameMaxLength, 100);
    }

    public int descriptionMaxLength() {
        return descriptionMaxLength;
    }

    public int cardDescriptionMaxLength() {
        return cardDescriptionMaxLength;
    }

    public int commentMaxLength() {
        return commentMaxLength;
    }

    public int checklistItemMaxLength() {
        return Math.min(checklistItemMaxLength, 1000);
    }

    public int listsPerBoard() {
        return listsPerBoard;
    }

    public int cardsPerBoard() {
        return cardsPerBoard;
    }

    public int cardsPerList() {
        return cardsPerList;
    }

    public int checklistItemsPerCard() {
        return checklistItemsPerCard;
    }

    public int labelsPerBoard() {
        return labelsPerBoard;
    }

    public int assigneesPerCard() {
        return assigneesPerCard;
    }

    public int membersPerBoard() {
        return membersPerBoard;
    }

    /** Between 8 and 200 (the column holds 255). */
    public int sortKeyMaxLength() {
        return Math.max(8, Math.min(sortKeyMaxLength, 200));
    }
}
